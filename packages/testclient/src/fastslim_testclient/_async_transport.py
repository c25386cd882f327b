"""The async client's transport: the app runs on the test's own event loop.

Inside `async with client:` each app call is a task of the client's task group,
so a response body is read while the app produces it and the app may outlive
the response (`wait_for_background=False`). Outside, a request runs the app to
its end within the call and returns the whole body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import anyio.abc
import httpx

from ._background import PendingCalls
from ._errors import AppTimeout, ClientUsageError
from ._exchange import HTTPExchange
from ._response import started_response, unstarted_response
from ._scope import WEBSOCKET_SCHEMES, ScopeSettings, WebSocketUpgrade, http_scope, websocket_scope
from ._timeout import ReadDeadline
from ._types import ASGIApp


async def _read_all(exchange: HTTPExchange, chunks: list[bytes]) -> None:
    """Wait for the response, append its body chunks to `chunks`, wait for the app's end."""
    await exchange.wait_started()
    if exchange.response_started:
        while (chunk := await exchange.receive_chunk()) is not None:
            chunks.append(chunk)
        await exchange.finish_body(wait_for_background=True)


class _TaskBody(httpx.AsyncByteStream):
    """A response body read chunk by chunk from the app running as a task."""

    def __init__(self, transport: AsyncTransport, exchange: HTTPExchange, *, is_head: bool) -> None:
        self._transport = transport
        self._exchange = exchange
        self._is_head = is_head
        self._closed = False

    def __aiter__(self) -> AsyncIterator[bytes]:
        # An iterator object rather than an async generator: nothing is left for
        # the garbage collector to finalize when a reader stops early.
        return self

    async def __anext__(self) -> bytes:
        exchange = self._exchange
        while not self._closed:
            try:
                chunk = await exchange.receive_chunk()
            except AppTimeout:
                # The app was disconnected and has finished: nothing to close.
                self._closed = True
                self._transport.forget(self)
                raise
            if chunk is None:
                break
            if chunk and not self._is_head:
                return chunk
        if self._closed:
            raise StopAsyncIteration
        self._closed = True
        self._transport.forget(self)
        if await exchange.finish_body(self._transport.wait_for_background):
            self._transport.pending.add(exchange)
        else:
            self._transport.raise_failure(exchange)
        raise StopAsyncIteration

    async def aclose(self) -> None:
        """Close before the end of the body: the app is disconnected and cancelled."""
        if self._closed:
            return
        self._closed = True
        self._transport.forget(self)
        await self._exchange.disconnect()
        self._transport.raise_failure(self._exchange)


class AsyncTransport(httpx.AsyncBaseTransport):
    """An httpx async transport that calls an ASGI app on the current event loop."""

    def __init__(
        self,
        app: ASGIApp,
        settings: ScopeSettings,
        *,
        raise_server_exceptions: bool,
        wait_for_background: bool,
    ) -> None:
        self.app = app
        self.settings = settings
        self.raise_server_exceptions = raise_server_exceptions
        self.wait_for_background = wait_for_background
        self.task_group: anyio.abc.TaskGroup | None = None
        self.pending = PendingCalls()
        self._open: set[_TaskBody] = set()

    def forget(self, body: _TaskBody) -> None:
        self._open.discard(body)

    def raise_failure(self, exchange: HTTPExchange) -> None:
        if exchange.exception is not None and self.raise_server_exceptions:
            raise exchange.exception

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme in WEBSOCKET_SCHEMES:
            raise WebSocketUpgrade(websocket_scope(request, self.settings), request)
        scope = http_scope(request, self.settings)
        if self.task_group is None and not self.wait_for_background:
            raise ClientUsageError(
                "AsyncTestClient(wait_for_background=False) leaves app calls running after "
                f"their responses, which needs a task group: send {request.method} "
                f"{request.url} inside `async with client:`."
            )
        exchange = HTTPExchange(
            self.app, scope, await request.aread(), deadline=ReadDeadline(request)
        )
        if self.task_group is None:
            return await self._run_to_end(exchange, request)
        self.task_group.start_soon(exchange.run_app)
        try:
            await exchange.wait_started()
        except BaseException:
            with anyio.CancelScope(shield=True):
                await exchange.cancel()
            raise
        if not exchange.response_started:
            return unstarted_response(
                exchange, request, raise_server_exceptions=self.raise_server_exceptions
            )
        body = _TaskBody(self, exchange, is_head=request.method == "HEAD")
        self._open.add(body)
        return started_response(exchange, request, body)

    async def _run_to_end(self, exchange: HTTPExchange, request: httpx.Request) -> httpx.Response:
        chunks: list[bytes] = []
        timed_out: AppTimeout | None = None
        async with anyio.create_task_group() as task_group:
            task_group.start_soon(exchange.run_app)
            try:
                await _read_all(exchange, chunks)
            except AppTimeout as exc:
                timed_out = exc  # the app has finished; raised as it is, not in a group
        if timed_out is not None:
            raise timed_out
        if not exchange.response_started:
            return unstarted_response(
                exchange, request, raise_server_exceptions=self.raise_server_exceptions
            )
        self.raise_failure(exchange)
        body = b"" if request.method == "HEAD" else b"".join(chunks)
        return started_response(exchange, request, httpx.ByteStream(body))

    async def close_open_responses(self) -> None:
        """Disconnect every response still being read (the client is closing)."""
        while self._open:
            await self._open.pop().aclose()
