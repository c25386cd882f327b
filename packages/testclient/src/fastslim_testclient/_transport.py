"""The sync client's transport: each request runs the app in a blocking portal.

The portal is the client's own while it is inside `with`; otherwise each
request starts one and keeps it until the response is closed (or, with
`wait_for_background=False`, until its pending work is waited for).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from functools import partial

import httpx
from anyio.from_thread import BlockingPortal

from ._background import PortalPendingCalls
from ._exchange import HTTPExchange
from ._response import started_response, unstarted_response
from ._scope import WEBSOCKET_SCHEMES, ScopeSettings, WebSocketUpgrade, http_scope, websocket_scope
from ._timeout import ReadDeadline
from ._types import ASGIApp

PortalFactory = Callable[[], AbstractContextManager[BlockingPortal]]


class _PortalBody(httpx.SyncByteStream):
    """A response body read chunk by chunk from the app running in a portal."""

    def __init__(
        self,
        transport: PortalTransport,
        portal: BlockingPortal,
        exchange: HTTPExchange,
        stack: contextlib.ExitStack,
        *,
        is_head: bool,
    ) -> None:
        self._transport = transport
        self._portal = portal
        self._exchange = exchange
        self._stack = stack
        self._is_head = is_head
        self._closed = False

    def __iter__(self) -> Iterator[bytes]:
        portal, exchange = self._portal, self._exchange
        while not self._closed:
            try:
                chunk = portal.call(exchange.receive_chunk)
            except BaseException:
                # A read timeout: the app was disconnected and has finished.
                self._end()
                raise
            if chunk is None:
                break
            if chunk and not self._is_head:
                yield chunk
        if self._closed:
            return
        self._closed = True
        self._transport.forget(self)
        try:
            pending = portal.call(exchange.finish_body, self._transport.wait_for_background)
        except BaseException:
            self._end()
            raise
        if pending:
            self._transport.pending.add(portal, exchange, self._stack.pop_all())
            return
        self._stack.close()
        self._transport.raise_failure(exchange)

    def _end(self) -> None:
        self._closed = True
        self._transport.forget(self)
        self._stack.close()

    def close(self) -> None:
        """Close before the end of the body: the app is disconnected and cancelled."""
        if self._closed:
            return
        self._closed = True
        self._transport.forget(self)
        with self._stack:
            self._portal.call(self._exchange.disconnect)
        self._transport.raise_failure(self._exchange)


class PortalTransport(httpx.BaseTransport):
    """An httpx transport that calls an ASGI app through a blocking portal."""

    def __init__(
        self,
        app: ASGIApp,
        portal_factory: PortalFactory,
        settings: ScopeSettings,
        *,
        raise_server_exceptions: bool,
        wait_for_background: bool,
    ) -> None:
        self.app = app
        self.portal_factory = portal_factory
        self.settings = settings
        self.raise_server_exceptions = raise_server_exceptions
        self.wait_for_background = wait_for_background
        self.pending = PortalPendingCalls()
        self._open: set[_PortalBody] = set()

    def forget(self, body: _PortalBody) -> None:
        self._open.discard(body)

    def raise_failure(self, exchange: HTTPExchange) -> None:
        if exchange.exception is not None and self.raise_server_exceptions:
            raise exchange.exception

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme in WEBSOCKET_SCHEMES:
            raise WebSocketUpgrade(websocket_scope(request, self.settings), request)
        scope = http_scope(request, self.settings)
        body = request.read()
        stack = contextlib.ExitStack()
        try:
            portal = stack.enter_context(self.portal_factory())
            exchange = portal.call(
                partial(HTTPExchange, self.app, scope, body, deadline=ReadDeadline(request))
            )
            portal.start_task_soon(exchange.run_app)
            stack.callback(portal.call, exchange.cancel)
            portal.call(exchange.wait_started)
        except BaseException:
            stack.close()
            raise
        if not exchange.response_started:
            stack.close()
            return unstarted_response(
                exchange, request, raise_server_exceptions=self.raise_server_exceptions
            )
        body_stream = _PortalBody(self, portal, exchange, stack, is_head=request.method == "HEAD")
        self._open.add(body_stream)
        return started_response(exchange, request, body_stream)

    def close_open_responses(self) -> None:
        """Disconnect every response still being read (the client is closing)."""
        with contextlib.ExitStack() as stack:
            while self._open:
                stack.callback(self._open.pop().close)

    def close(self) -> None:
        self.close_open_responses()
