"""The async client's WebSocket session, on the test's own event loop."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Literal, Self

import anyio
import anyio.abc
import httpx

from ._errors import ClientUsageError, WebSocketDenialResponse, WebSocketDisconnect
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

    Errors: entering raises `WebSocketDisconnect` (the app closed),
    `WebSocketDenialResponse` (it denied the handshake with an HTTP
    response), the app's exception (when `raise_server_exceptions` is on),
    `ASGIProtocolError` (it returned without accepting, or answered with an
    unexpected message) or `AppTimeout` (no answer within the handshake's read
    timeout). Every `receive*` raises the app's exception once it has failed
    (else `WebSocketDisconnect` with code 1011) and `WebSocketDisconnect` once
    it has returned. Leaving raises the app's exception if it was not raised
    yet. Any method used while the session is not open raises
    `ClientUsageError`.
    """

    __test__ = False

    def __init__(
        self,
        app: ASGIApp,
        handshake: Callable[[], Awaitable[WebSocketUpgrade]],
        *,
        url: httpx.URL,
        raise_server_exceptions: bool = True,
        disconnect_class: type[WebSocketDisconnect] = WebSocketDisconnect,
        denial_class: type[WebSocketDenialResponse] = WebSocketDenialResponse,
    ) -> None:
        self.app = app
        self.url = url
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

    def _open(self) -> tuple[anyio.abc.TaskGroup, WebSocketChannel]:
        if self._task_group is None or self._channel is None:
            raise ClientUsageError(
                f"The WebSocket session to {self.url} is not open: use it as "
                "`async with client.websocket_connect(url) as websocket:`."
            )
        return self._task_group, self._channel

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
        task_group, channel = self._open()
        self._channel = self._task_group = None
        failure = await self._close(task_group, channel)
        if failure is not None and exc_type is None:
            raise failure

    async def send(self, message: Message) -> None:
        """Send a raw ASGI message to the app."""
        await self._open()[1].send(message)

    async def send_text(self, data: str) -> None:
        """Send a text message (`websocket.receive` with `text`)."""
        await self.send(text_message(data))

    async def send_bytes(self, data: bytes) -> None:
        """Send a binary message (`websocket.receive` with `bytes`)."""
        await self.send(bytes_message(data))

    async def send_json(self, data: Any, mode: Literal["text", "binary"] = "text") -> None:
        """Send `data` as compact JSON, in a text or a binary message.

        Raises `ValueError` for a `mode` other than "text" or "binary", and what
        `json.dumps` raises for data it cannot encode.
        """
        await self.send(json_message(data, mode))

    async def close(self, code: int = 1000, reason: str | None = None) -> None:
        """Close from the client side: the app receives `websocket.disconnect`."""
        await self._open()[1].close(code, reason)

    async def receive(self) -> Message:
        """The next raw ASGI message from the app (a close is returned, not raised)."""
        return await self._open()[1].receive()

    async def receive_text(self) -> str:
        """The next text message from the app.

        Raises `WebSocketDisconnect` when the app closes, `TypeError` for a
        message without text.
        """
        return message_text(await self._open()[1].receive_data())

    async def receive_bytes(self) -> bytes:
        """The next binary message from the app.

        Raises `WebSocketDisconnect` when the app closes, `TypeError` for a
        message without bytes.
        """
        return message_bytes(await self._open()[1].receive_data())

    async def receive_json(self, mode: Literal["text", "binary"] = "text") -> Any:
        """The next message from the app, decoded from JSON.

        Raises `WebSocketDisconnect` when the app closes, `TypeError` when the
        message is not of the `mode`'s kind, `ValueError` for a bad `mode` or
        invalid JSON.
        """
        return message_json(await self._open()[1].receive_data(), mode)
