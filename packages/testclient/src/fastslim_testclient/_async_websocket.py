"""The async client's WebSocket session, on the test's own event loop."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Literal, Self

import anyio
import anyio.abc

from ._errors import WebSocketDenialResponse, WebSocketDisconnect
from ._scope import WebSocketUpgrade
from ._timeout import ReadDeadline
from ._types import ASGIApp, Message, Scope
from ._websocket_channel import (
    WebSocketChannel,
    bytes_message,
    json_message,
    message_bytes,
    message_json,
    message_text,
    text_message,
)


class AsyncWebSocketTestSession:
    """A WebSocket connection to the app, used as an async context manager.

    Entering sends the handshake request and `websocket.connect`, and waits for
    the app to accept; a close raises `WebSocketDisconnect`, a denial
    `WebSocketDenialResponse`. The app runs in a task group the session owns.
    Leaving disconnects the client and waits for the app to finish (it is
    cancelled if it does neither return nor wait for a message shortly after).
    """

    __test__ = False

    def __init__(
        self,
        app: ASGIApp,
        handshake: Callable[[], Awaitable[WebSocketUpgrade]],
        *,
        raise_server_exceptions: bool = True,
        disconnect_class: type[WebSocketDisconnect] = WebSocketDisconnect,
        denial_class: type[WebSocketDenialResponse] = WebSocketDenialResponse,
    ) -> None:
        self.app = app
        self.scope: Scope | None = None
        self._handshake = handshake
        self._raise_server_exceptions = raise_server_exceptions
        self._disconnect_class = disconnect_class
        self._denial_class = denial_class
        self._channel: WebSocketChannel | None = None
        self._seen: WebSocketChannel | None = None
        self._task_group: anyio.abc.TaskGroup | None = None

    @property
    def accepted_subprotocol(self) -> str | None:
        """The subprotocol the app chose when accepting, if any."""
        return None if self._seen is None else self._seen.accepted_subprotocol

    @property
    def extra_headers(self) -> list[tuple[bytes, bytes]] | None:
        """The headers the app sent when accepting."""
        return None if self._seen is None else self._seen.extra_headers

    def _open(self) -> WebSocketChannel:
        if self._channel is None:
            raise RuntimeError(
                "The WebSocket session is not open: use it as "
                "`async with client.websocket_connect(url) as websocket:`."
            )
        return self._channel

    async def __aenter__(self) -> Self:
        upgrade = await self._handshake()
        self.scope = upgrade.scope
        channel = WebSocketChannel(
            self.app,
            self.scope,
            raise_server_exceptions=self._raise_server_exceptions,
            disconnect_class=self._disconnect_class,
            denial_class=self._denial_class,
            deadline=ReadDeadline(upgrade.request),
        )
        self._seen = channel
        task_group = anyio.create_task_group()
        await task_group.__aenter__()
        task_group.start_soon(channel.run_app)
        try:
            await channel.connect()
        except BaseException:
            await self._close(task_group, channel)
            raise
        self._task_group, self._channel = task_group, channel
        return self

    @staticmethod
    async def _close(
        task_group: anyio.abc.TaskGroup, channel: WebSocketChannel
    ) -> Exception | None:
        """Shut the connection down; exceptions never go through the task group."""
        with anyio.CancelScope(shield=True):
            failure = await channel.shutdown()
        await task_group.__aexit__(None, None, None)
        return failure

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        channel, task_group = self._open(), self._task_group
        assert task_group is not None
        self._channel = self._task_group = None
        failure = await self._close(task_group, channel)
        if failure is not None and exc_type is None:
            raise failure

    async def send(self, message: Message) -> None:
        """Send a raw ASGI message to the app."""
        await self._open().send(message)

    async def send_text(self, data: str) -> None:
        await self.send(text_message(data))

    async def send_bytes(self, data: bytes) -> None:
        await self.send(bytes_message(data))

    async def send_json(self, data: Any, mode: Literal["text", "binary"] = "text") -> None:
        await self.send(json_message(data, mode))

    async def close(self, code: int = 1000, reason: str | None = None) -> None:
        """Close from the client side: the app receives `websocket.disconnect`."""
        await self._open().close(code, reason)

    async def receive(self) -> Message:
        """The next raw ASGI message from the app (a close is returned, not raised)."""
        return await self._open().receive()

    async def receive_text(self) -> str:
        return message_text(await self._open().receive_data())

    async def receive_bytes(self) -> bytes:
        return message_bytes(await self._open().receive_data())

    async def receive_json(self, mode: Literal["text", "binary"] = "text") -> Any:
        return message_json(await self._open().receive_data(), mode)
