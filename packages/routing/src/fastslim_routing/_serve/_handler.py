"""Serving one HTTP request through a `CompiledRoute`.

The lifecycle (DESIGN.md, FASTAPI-FACTS section 2): extract and validate the
parameters, read the body, solve the dependencies, call the endpoint, exit the
function-scoped yield dependencies, serialize, send the response, run the
background tasks, then exit the request-scoped yield dependencies. An exception
raised on the way is thrown into the yield dependencies before it reaches the
exception handlers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

import anyio
from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from fastslim_di import Container, RequestScope

from .. import exceptions
from .._telemetry._state import TELEMETRY
from ._compiled import CompiledRoute
from ._form import close_forms
from ._respond import _not_awaited, respond
from ._slots import CONNECTION
from ._traced import respond_traced


async def _close_body(response: Response) -> None:
    """Close a streamed body whose sending failed (the client went away) right now,
    as the garbage collector otherwise would, some time later."""
    aclose = getattr(getattr(response, "body_iterator", None), "aclose", None)
    if aclose is not None:
        with anyio.CancelScope(shield=True):
            await aclose()


REQUEST_SCOPE = "fastslim.request_scope"
"""ASGI scope key: the fastslim-di `RequestScope` of the request being served."""
COMPILED = "fastslim.compiled_route"
"""ASGI scope key: the `CompiledRoute` serving the request (set by the router)."""


class FlatScope:
    """The request scope of a route without dependencies: only the values dict."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: dict[Any, Any] = {}

    async def __aenter__(self) -> FlatScope:
        return self

    async def __aexit__(self, *exc_info: object) -> bool:
        return False


Produce = Callable[[RequestScope, Request], Coroutine[Any, Any, Response]]


async def _run(
    produce: Produce,
    container: Container,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    flat: bool = False,
    cancel_guard: bool = True,
) -> None:
    """Open the request scope around producing and sending the response; exceptions go
    to the app's handlers after the yield dependencies saw them.

    The route handles its exceptions itself (as Starlette's and FastAPI's routes do),
    inside the app's ExceptionMiddleware: an exception handler that raises an
    `HTTPException` still gets its HTTP error from the app's own handler.

    `cancel_guard`: the request scope's cancel guard (fastslim-di), which makes the
    yield dependencies' cleanups finish when the request is cancelled (FACTS
    section 13); left out for a route that enters no async yield dependency.
    """
    request = Request(scope, receive, send)
    request_scope: Any = FlatScope() if flat else container.request_scope(cancel_guard=cancel_guard)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        response = None
        async with request_scope:
            response = await produce(request_scope, request)
            try:
                await response(scope, receive, send)
            except BaseException:
                await _close_body(response)
                raise
        if response is None:
            raise _not_awaited()

    try:
        await wrap_app_handling_exceptions(app, request)(scope, receive, send)
    finally:
        # The files of a parsed form are closed once the request is over (error
        # responses, which may show them, included).
        connection = request_scope.values.get(CONNECTION, request)
        if request._form is not None or connection is not request:
            await close_forms(request, connection)


async def serve(
    route: CompiledRoute, container: Container, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve one HTTP request with `route`."""
    telemetry = scope.get(TELEMETRY)
    await _run(
        functools.partial(respond, route)
        if telemetry is None
        else functools.partial(respond_traced, telemetry, route),
        container,
        scope,
        receive,
        send,
        flat=route.flat is not None and telemetry is None,
        cancel_guard=container.needs_cancel_guard(route.plan),
    )


RouteHandler = Callable[[Request], Coroutine[Any, Any, Response]]


async def serve_with_handler(
    handler: RouteHandler, container: Container, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve with a route class's own `get_route_handler()` (a documented FastAPI pattern)."""

    async def produce(request_scope: RequestScope, request: Request) -> Response:
        request.scope[REQUEST_SCOPE] = request_scope
        return await handler(request)

    await _run(produce, container, scope, receive, send)


def route_handler(default: CompiledRoute, *, own: bool = False) -> RouteHandler:
    """The `request -> response` function of a route (what `get_route_handler()` returns):
    it serves the compiled route the router chose for the request (the route under its
    inclusions), or with `own`, always `default`."""

    async def handler(request: Request) -> Response:
        scope = request.scope
        route = default if own else scope.get(COMPILED, default)
        request_scope = scope.get(REQUEST_SCOPE)
        if request_scope is None:
            raise exceptions.FastAPIError(
                "A route handler was called outside of its route; call it from the "
                "ASGI app of the route (APIRoute.app)."
            )
        telemetry = scope.get(TELEMETRY)
        if telemetry is None:
            return await respond(route, request_scope, request)
        return await respond_traced(telemetry, route, request_scope, request)

    return handler
