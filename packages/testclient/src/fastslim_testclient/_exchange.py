"""One HTTP request through an ASGI app, as seen from both ends.

`HTTPExchange` is the event-loop side shared by both clients. The app side is
`run_app` (with the `receive` and `send` callables it hands to the app); the
client side reads the response start, the body chunk by chunk, and the end of
the exchange. The sync transport drives the client side through a blocking
portal, the async transport awaits it directly.

Body chunks go through an unbuffered memory stream, so the app runs no further
ahead of the reader than a real server would let it (an endless event stream
can be read line by line).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import anyio

from ._errors import ASGIProtocolError
from ._timeout import ReadDeadline
from ._types import ASGIApp, Message, Scope

T = TypeVar("T")

#: How long an app may take to react to a client disconnect before it is
#: cancelled, when it neither returns nor waits for another message.
DISCONNECT_GRACE_SECONDS = 0.25


class HTTPExchange:
    """The state of one HTTP request/response between a test client and an app.

    With a `deadline`, each wait of the client side is bounded by the request's
    read timeout: past it the app is disconnected (and cancelled) and the wait
    raises `AppTimeout`.
    """

    def __init__(
        self, app: ASGIApp, scope: Scope, body: bytes, *, deadline: ReadDeadline | None = None
    ) -> None:
        self._app = app
        self._deadline = deadline
        self.scope = scope
        self._request_body = body
        self._request_sent = False
        self._started = anyio.Event()
        self._disconnected = anyio.Event()
        self._finished = anyio.Event()
        self._done = anyio.Event()
        self._settled = anyio.Event()
        self._disconnect_delivered = False
        self._cancel_scope = anyio.CancelScope()
        self._body_tx, self._body_rx = anyio.create_memory_object_stream[tuple[bytes, bool]](0)
        self._trailers_expected = False
        self._body_sent = False
        self._body_read = False
        self._client_gone = False
        self.response_started = False
        self.response_complete = False
        self.status_code = 500
        self.headers: list[tuple[bytes, bytes]] = []
        self.trailers: list[tuple[bytes, bytes]] = []
        self.debug_info: dict[str, Any] | None = None
        self.exception: Exception | None = None

    # The app side.

    async def run_app(self) -> None:
        """Run the app to its end; its exception, if any, is kept in `exception`."""
        try:
            with self._cancel_scope, self._body_tx:
                await self._app(self.scope, self._receive, self._send)
        except Exception as exc:
            self.exception = exc
        finally:
            if not self.response_started:
                self._body_rx.close()
            self._started.set()
            self._done.set()
            self._settled.set()
            self._finished.set()

    async def _receive(self) -> Message:
        if not self._request_sent:
            self._request_sent = True
            return {"type": "http.request", "body": self._request_body, "more_body": False}
        if self._disconnect_delivered and self._client_gone:
            # Waiting again after the disconnect: the app has done its cleanup.
            self._settled.set()
        await self._disconnected.wait()
        self._disconnect_delivered = True
        return {"type": "http.disconnect"}

    async def _send(self, message: Message) -> None:
        kind = message.get("type")
        if kind == "http.response.start":
            self._start(message)
        elif kind == "http.response.body":
            await self._body(message)
        elif kind == "http.response.trailers":
            self._trailers(message)
        elif kind == "http.response.debug":
            self.debug_info = dict(message.get("info", {}))
        else:
            raise ASGIProtocolError(
                f"The app sent an unknown or unsupported HTTP message type {kind!r}."
            )

    def _start(self, message: Message) -> None:
        if self.response_started:
            raise ASGIProtocolError(
                f"The app sent a second 'http.response.start' message: {message!r}."
            )
        status = message["status"]
        # An `int` subclass (`http.HTTPStatus`, which apps such as the MCP SDK send)
        # stays what it is, as Starlette's TestClient leaves it.
        self.status_code = status if isinstance(status, int) else int(status)
        self.headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
        self._trailers_expected = bool(message.get("trailers", False))
        self.response_started = True
        self._started.set()

    async def _body(self, message: Message) -> None:
        if not self.response_started:
            raise ASGIProtocolError(
                f"The app sent 'http.response.body' before 'http.response.start': {message!r}."
            )
        if self._body_sent:
            raise ASGIProtocolError(
                f"The app sent 'http.response.body' after the body was complete: {message!r}."
            )
        more_body = bool(message.get("more_body", False))
        ends = not more_body and not self._trailers_expected
        if not more_body:
            self._body_sent = True
        try:
            if not self._client_gone:
                await self._body_tx.send((bytes(message.get("body", b"")), more_body))
                if ends:
                    # Only once the last chunk is delivered: an app that stops sending
                    # at "http.disconnect" (Starlette's FileResponse) must not lose it.
                    self._complete()
                return
        except (anyio.BrokenResourceError, anyio.ClosedResourceError):
            pass
        if ends:
            self._complete()
        # Nobody reads any more: the app waits here until it is cancelled.
        self._settled.set()
        await anyio.sleep_forever()

    def _trailers(self, message: Message) -> None:
        if not self._trailers_expected:
            raise ASGIProtocolError(
                "The app sent 'http.response.trailers' without announcing trailers in "
                f"'http.response.start': {message!r}."
            )
        if not self._body_sent:
            raise ASGIProtocolError(
                f"The app sent 'http.response.trailers' before the body was complete: {message!r}."
            )
        self.trailers.extend(message.get("headers", []))
        if not message.get("more_trailers", False):
            self._complete()

    def _complete(self) -> None:
        self.response_complete = True
        self._done.set()
        self._disconnected.set()

    # The client side.

    async def _bounded(self, waiting: Callable[[], Awaitable[T]], template: str) -> T:
        if self._deadline is None:
            return await waiting()
        return await self._deadline.wait(waiting, self.disconnect, template)

    async def wait_started(self) -> None:
        """Wait until the response starts or the app returns without starting one.

        Raises `AppTimeout` past the read timeout.
        """
        await self._bounded(
            self._started.wait,
            "The app did not start a response to {request} within the read timeout of {seconds} s.",
        )

    async def receive_chunk(self) -> bytes | None:
        """The next body chunk, or None once the body has ended.

        Raises `AppTimeout` past the read timeout.
        """
        return await self._bounded(
            self._receive_chunk,
            "The app sent no more of the response body of {request} "
            "within the read timeout of {seconds} s.",
        )

    async def _receive_chunk(self) -> bytes | None:
        if self._body_read:
            return None
        try:
            chunk, more_body = await self._body_rx.receive()
        except (anyio.EndOfStream, anyio.ClosedResourceError):
            more_body, chunk = False, None
        if not more_body:
            self._body_read = True
            self._body_rx.close()
        return chunk

    async def finish_body(self, wait_for_background: bool) -> bool:
        """Called once the client has read the whole body.

        Returns True when the app is left running as pending background work
        (only when `wait_for_background` is False and the response is
        complete); otherwise waits until the app returns and returns False.
        Raises `AppTimeout` when the trailers, or the end of the app call, do
        not come within the read timeout.
        """
        await self._bounded(
            self._done.wait,
            "The app did not send the trailers of the response to {request} "
            "within the read timeout of {seconds} s.",
        )
        if self.response_complete and not wait_for_background:
            return True
        await self._bounded(
            self._finished.wait,
            "The app did not return within the read timeout of {seconds} s after completing "
            "the response to {request} (its background work still runs).",
        )
        return False

    async def wait_finished(self) -> Exception | None:
        """Wait until the app returns; return the exception it raised, if any."""
        await self._finished.wait()
        return self.exception

    async def disconnect(self) -> None:
        """The client went away before the end of the body.

        The app receives `http.disconnect`; it is cancelled once it has reacted
        (it returns, waits for another message or sends more body), or after
        `DISCONNECT_GRACE_SECONDS`.
        """
        self._client_gone = True
        self._disconnected.set()
        self._body_rx.close()
        with anyio.move_on_after(DISCONNECT_GRACE_SECONDS):
            await self._settled.wait()
        self._cancel_scope.cancel()
        await self._finished.wait()

    async def cancel(self) -> None:
        """Stop the app wherever it is (pending work when a client closes)."""
        self._cancel_scope.cancel()
        self._body_rx.close()
        await self._finished.wait()
