"""The sync client's WebSocket session, driven through a blocking portal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import partial
from types import TracebackType
from typing import Any, Literal, Self

import httpx
from anyio.from_thread import BlockingPortal

from ._errors import ClientUsageError, WebSocketDenialResponse, WebSocketDisconnect
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

PortalFactory = Callable[[], AbstractContextManager[BlockingPortal]]


class WebSocketTestSession:
    """A WebSocket connection to the app, used as a context manager.

    Entering sends `websocket.connect` and waits for the app to accept it;
    a close raises `WebSocketDisconnect`, a denial `WebSocketDenialResponse`.
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
        scope: Scope,
        portal_factory: PortalFactory,
        *,
        url: httpx.URL,
        raise_server_exceptions: bool = True,
        disconnect_class: type[WebSocketDisconnect] = WebSocketDisconnect,
        denial_class: type[WebSocketDenialResponse] = WebSocketDenialResponse,
        deadline: ReadDeadline | None = None,
    ) -> None:
        self.app = app
        self._deadline = deadline
        self.scope = scope
        self.url = url
        self._portal_factory = portal_factory
        self._raise_server_exceptions = raise_server_exceptions
        self._disconnect_class = disconnect_class
        self._denial_class = denial_class
        self._channel: WebSocketChannel | None = None
        self._seen: WebSocketChannel | None = None
        self._portal: BlockingPortal | None = None
        self._stack = contextlib.ExitStack()

    @property
    def accepted_subprotocol(self) -> str | None:
        """The subprotocol the app chose when accepting, if any."""
        return None if self._seen is None else self._seen.accepted_subprotocol

    @property
    def extra_headers(self) -> list[tuple[bytes, bytes]] | None:
        """The headers the app sent when accepting."""
        return None if self._seen is None else self._seen.extra_headers

    def _open(self) -> tuple[BlockingPortal, WebSocketChannel]:
        if self._portal is None or self._channel is None:
            raise ClientUsageError(
                f"The WebSocket session to {self.url} is not open: use it as "
                "`with client.websocket_connect(url) as websocket:`."
            )
        return self._portal, self._channel

    def __enter__(self) -> Self:
        stack = contextlib.ExitStack()
        with contextlib.ExitStack() as on_error:
            on_error.push(stack)
            portal = stack.enter_context(self._portal_factory())
            channel = portal.call(
                partial(
                    WebSocketChannel,
                    self.app,
                    self.scope,
                    raise_server_exceptions=self._raise_server_exceptions,
                    disconnect_class=self._disconnect_class,
                    denial_class=self._denial_class,
                    deadline=self._deadline,
                )
            )
            self._seen = channel
            portal.start_task_soon(channel.run_app)
            on_error.callback(portal.call, channel.shutdown)
            portal.call(channel.connect)
            on_error.pop_all()
        self._portal, self._channel, self._stack = portal, channel, stack
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        portal, channel = self._open()
        with self._stack:
            failure = portal.call(channel.shutdown)
        self._portal = self._channel = None
        if failure is not None and exc_type is None:
            raise failure

    def send(self, message: Message) -> None:
        """Send a raw ASGI message to the app."""
        portal, channel = self._open()
        portal.call(channel.send, message)

    def send_text(self, data: str) -> None:
        """Send a text message (`websocket.receive` with `text`)."""
        self.send(text_message(data))

    def send_bytes(self, data: bytes) -> None:
        """Send a binary message (`websocket.receive` with `bytes`)."""
        self.send(bytes_message(data))

    def send_json(self, data: Any, mode: Literal["text", "binary"] = "text") -> None:
        """Send `data` as compact JSON, in a text or a binary message.

        Raises `ValueError` for a `mode` other than "text" or "binary", and what
        `json.dumps` raises for data it cannot encode.
        """
        self.send(json_message(data, mode))

    def close(self, code: int = 1000, reason: str | None = None) -> None:
        """Close from the client side: the app receives `websocket.disconnect`."""
        portal, channel = self._open()
        portal.call(channel.close, code, reason)

    def receive(self) -> Message:
        """The next raw ASGI message from the app (a close is returned, not raised)."""
        portal, channel = self._open()
        return portal.call(channel.receive)

    def _receive_data(self) -> Message:
        portal, channel = self._open()
        return portal.call(channel.receive_data)

    def receive_text(self) -> str:
        """The next text message from the app.

        Raises `WebSocketDisconnect` when the app closes, `TypeError` for a
        message without text.
        """
        return message_text(self._receive_data())

    def receive_bytes(self) -> bytes:
        """The next binary message from the app.

        Raises `WebSocketDisconnect` when the app closes, `TypeError` for a
        message without bytes.
        """
        return message_bytes(self._receive_data())

    def receive_json(self, mode: Literal["text", "binary"] = "text") -> Any:
        """The next message from the app, decoded from JSON.

        Raises `WebSocketDisconnect` when the app closes, `TypeError` when the
        message is not of the `mode`'s kind, `ValueError` for a bad `mode` or
        invalid JSON.
        """
        return message_json(self._receive_data(), mode)
