"""One WebSocket connection to an ASGI app, as seen from both ends.

`WebSocketChannel` is the event-loop side shared by the sync and the async
sessions: `run_app` is the app task, the other coroutines are the client's
operations. Messages go through unbounded memory streams in both directions.
"""

from __future__ import annotations

import json
import math
from typing import Any

import anyio

from ._errors import ASGIProtocolError, WebSocketDenialResponse, WebSocketDisconnect
from ._exchange import DISCONNECT_GRACE_SECONDS
from ._timeout import ReadDeadline
from ._types import ASGIApp, Message, Scope

_APP_MESSAGES = frozenset(
    {
        "websocket.accept",
        "websocket.send",
        "websocket.close",
        "websocket.http.response.start",
        "websocket.http.response.body",
    }
)


def text_message(data: str) -> Message:
    return {"type": "websocket.receive", "text": data}


def bytes_message(data: bytes) -> Message:
    return {"type": "websocket.receive", "bytes": data}


def json_message(data: Any, mode: str) -> Message:
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    if mode == "text":
        return text_message(text)
    if mode == "binary":
        return bytes_message(text.encode("utf-8"))
    raise ValueError(f"The JSON mode must be 'text' or 'binary', got {mode!r}.")


def message_text(message: Message) -> str:
    text = message.get("text")
    if not isinstance(text, str):
        raise TypeError(f"Expected a text message from the app, got {message!r}.")
    return text


def message_bytes(message: Message) -> bytes:
    data = message.get("bytes")
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"Expected a binary message from the app, got {message!r}.")
    return bytes(data)


def message_json(message: Message, mode: str) -> Any:
    if mode == "text":
        return json.loads(message_text(message))
    if mode == "binary":
        return json.loads(message_bytes(message).decode("utf-8"))
    raise ValueError(f"The JSON mode must be 'text' or 'binary', got {mode!r}.")


class WebSocketChannel:
    """The state of one WebSocket connection between a test client and an app."""

    def __init__(
        self,
        app: ASGIApp,
        scope: Scope,
        *,
        raise_server_exceptions: bool,
        disconnect_class: type[WebSocketDisconnect] = WebSocketDisconnect,
        denial_class: type[WebSocketDenialResponse] = WebSocketDenialResponse,
        deadline: ReadDeadline | None = None,
    ) -> None:
        self._app = app
        self._deadline = deadline
        self._disconnect_class = disconnect_class
        self._denial_class = denial_class
        self.scope = scope
        self._raise_server_exceptions = raise_server_exceptions
        self._to_app_tx, self._to_app_rx = anyio.create_memory_object_stream[Message](math.inf)
        self._from_app_tx, self._from_app_rx = anyio.create_memory_object_stream[Message](math.inf)
        self._cancel_scope = anyio.CancelScope()
        self._finished = anyio.Event()
        self._settled = anyio.Event()
        self._disconnect_delivered = False
        self._exception_reported = False
        self.exception: Exception | None = None
        self.accepted = False
        self.client_closed = False
        self.server_close_code: int | None = None
        self.accepted_subprotocol: str | None = None
        self.extra_headers: list[tuple[bytes, bytes]] = []

    # The app side.

    async def run_app(self) -> None:
        """The app task: the app's exception, if any, is kept in `exception`."""
        try:
            with self._cancel_scope, self._from_app_tx:
                await self._app(self.scope, self._app_receive, self._app_send)
        except Exception as exc:
            self.exception = exc
        finally:
            self._finished.set()
            self._settled.set()

    async def _app_receive(self) -> Message:
        if self._disconnect_delivered:
            # The app waits for more after the disconnect: it has done its cleanup.
            self._settled.set()
        message = await self._to_app_rx.receive()
        if message["type"] == "websocket.disconnect":
            self._disconnect_delivered = True
        return message

    async def _app_send(self, message: Message) -> None:
        kind = message.get("type")
        if kind not in _APP_MESSAGES:
            raise ASGIProtocolError(
                f"The app sent an unknown or unsupported WebSocket message type {kind!r}."
            )
        if kind == "websocket.close":
            self.server_close_code = int(message.get("code") or 1000)
        await self._from_app_tx.send(message)

    # The client side.

    async def connect(self) -> None:
        """Send `websocket.connect` and wait for the app to accept, close or deny.

        Raises `WebSocketDisconnect` (a close), `WebSocketDenialResponse` (a
        denial), the app's exception, `ASGIProtocolError`, or `AppTimeout` when
        the app does not answer within the handshake's read timeout (the
        connection is then shut down).
        """
        await self._to_app_tx.send({"type": "websocket.connect"})
        if self._deadline is None:
            message = await self._next_message()
        else:
            message = await self._deadline.wait(
                self._next_message,
                self.shutdown,
                "The app did not answer the WebSocket handshake {request} "
                "within the read timeout of {seconds} s.",
            )
        kind = message["type"]
        if kind == "websocket.accept":
            self.accepted = True
            self.accepted_subprotocol = message.get("subprotocol")
            self.extra_headers = [(bytes(k), bytes(v)) for k, v in message.get("headers") or []]
            return
        if kind == "websocket.close":
            raise self._disconnect_class(
                int(message.get("code") or 1000), message.get("reason") or ""
            )
        if kind == "websocket.http.response.start":
            await self._raise_denial(message)
        raise ASGIProtocolError(
            f"The app answered 'websocket.connect' with an unexpected message {message!r}."
        )

    async def _raise_denial(self, start: Message) -> None:
        body: list[bytes] = []
        while True:
            message = await self._next_message()
            if message["type"] != "websocket.http.response.body":
                raise ASGIProtocolError(
                    f"The app sent {message!r} within a WebSocket denial response."
                )
            body.append(bytes(message.get("body", b"")))
            if not message.get("more_body", False):
                break
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
        raise self._denial_class(int(start["status"]), headers, b"".join(body))

    async def _next_message(self) -> Message:
        try:
            return await self._from_app_rx.receive()
        except anyio.EndOfStream:
            pass
        await self._finished.wait()
        if self.exception is not None:
            if self._raise_server_exceptions:
                self._exception_reported = True
                raise self.exception
            raise self._disconnect_class(1011, "The app raised an exception.")
        if not self.accepted:
            raise ASGIProtocolError(
                f"The app returned without accepting or closing the WebSocket connection "
                f"to {self.scope['path']!r}."
            )
        raise self._disconnect_class(1000, "The app returned.")

    async def send(self, message: Message) -> None:
        """Deliver a message to the app."""
        if message.get("type") == "websocket.disconnect":
            self.client_closed = True
        await self._to_app_tx.send(message)

    async def receive(self) -> Message:
        """The next message from the app, whatever its type."""
        return await self._next_message()

    async def receive_data(self) -> Message:
        """The next message from the app; raise `WebSocketDisconnect` if it closes."""
        message = await self._next_message()
        if message["type"] == "websocket.close":
            raise self._disconnect_class(
                int(message.get("code") or 1000), message.get("reason") or ""
            )
        return message

    async def close(self, code: int, reason: str | None) -> None:
        """The client closes the connection: the app receives `websocket.disconnect`."""
        await self.send({"type": "websocket.disconnect", "code": code, "reason": reason or ""})

    async def shutdown(self) -> Exception | None:
        """End the connection: disconnect, let the app react, then cancel what is left.

        Returns the app's exception if it was not raised to the test yet (and
        `raise_server_exceptions` is on).
        """
        if not self.client_closed:
            await self.close(self.server_close_code or 1000, None)
        with anyio.move_on_after(DISCONNECT_GRACE_SECONDS):
            await self._settled.wait()
        self._cancel_scope.cancel()
        await self._finished.wait()
        for stream in (self._to_app_tx, self._to_app_rx, self._from_app_rx):
            stream.close()
        if self.exception is None or self._exception_reported or not self._raise_server_exceptions:
            return None
        self._exception_reported = True
        return self.exception
