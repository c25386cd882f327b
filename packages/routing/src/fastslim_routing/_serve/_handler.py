"""Serving one HTTP request through a `CompiledRoute`.

The lifecycle (DESIGN.md, FASTAPI-FACTS section 2): extract and validate the
parameters, read the body, solve the dependencies, call the endpoint, exit the
function-scoped yield dependencies, serialize, send the response, run the
background tasks, then exit the request-scoped yield dependencies. An exception
raised on the way is thrown into the yield dependencies before it reaches the
exception handlers.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from contextlib import AsyncExitStack
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from fastslim_di import Container

from .. import exceptions
from .._telemetry._state import TELEMETRY
from ._compiled import CompiledRoute
from ._form import close_forms
from ._handled import PLAIN_CALL, StartWatch, handle_exception
from ._respond import _not_awaited, respond
from ._slots import CONNECTION
from ._traced import respond_traced


async def _send_watched(
    response: Response, watch: StartWatch, scope: Scope, receive: Receive
) -> None:
    """Send a response that may fail before it starts (`watch` records the start)."""
    try:
        await response(scope, receive, watch)
    except BaseException:
        await _close_body(response)
        raise


async def _close_body(response: Response) -> None:
    """Close a streamed body whose sending failed (the client went away) right now,
    as the garbage collector otherwise would, some time later."""
    aclose = getattr(getattr(response, "body_iterator", None), "aclose", None)
    if aclose is not None:
        with anyio.CancelScope(shield=True):
            await aclose()


_DEFAULT_CONTAINER = Container()


def container_of(scope: Scope) -> Container:
    """The dependency container of the app serving `scope`."""
    container = getattr(scope.get("app"), "container", None)
    return container if isinstance(container, Container) else _DEFAULT_CONTAINER


REQUEST_SCOPE = "fastslim.request_scope"
"""ASGI scope key: the fastslim-di `RequestScope` of the request being served."""
COMPILED = "fastslim.compiled_route"
"""ASGI scope key: the `CompiledRoute` serving the request (set by the router)."""


class FlatScope:
    """The request scope of a route without dependencies: only the values dict."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: dict[Any, Any] = {}


RouteHandler = Callable[[Request], Coroutine[Any, Any, Response]]


async def serve(
    route: CompiledRoute | None,
    container: Container | None,
    scope: Scope,
    receive: Receive,
    send: Send,
    handler: RouteHandler | None = None,
) -> None:
    """Serve one HTTP request with `route` (or with a route class's own `handler`), in
    `container` (None: the app's, `container_of(scope)`, found only when needed).

    The request scope is opened around producing and sending the response;
    exceptions go to the app's handlers after the yield dependencies saw them. The
    route handles its exceptions itself (as Starlette's and FastAPI's routes do),
    inside the app's ExceptionMiddleware: an exception handler that raises an
    `HTTPException` still gets its HTTP error from the app's own handler.

    A route without dependencies and without telemetry is served without
    fastslim-di's scopes (`FlatScope`); the request scope's cancel guard
    (fastslim-di), which makes the yield dependencies' cleanups finish when the
    request is cancelled (FACTS section 13), is entered only when the route may
    enter an async yield dependency.
    """
    telemetry = scope.get(TELEMETRY)
    request = Request(scope, receive, send)
    request_scope: Any = None
    response = None
    watch = None
    try:
        if route is not None and route.flat is not None and telemetry is None:
            # Nothing to solve, override or clean up: no scope to enter.
            request_scope = FlatScope()
            response = await respond(route, request_scope, request)
            if type(response).__call__ is PLAIN_CALL:  # it starts once called
                await response(scope, receive, send)
            else:
                watch = StartWatch(send)
                await _send_watched(response, watch, scope, receive)
        else:
            if container is None:
                container = container_of(scope)
            if route is None:
                request_scope = container.request_scope()
            else:
                guard = container.needs_cancel_guard(route.plan)
                request_scope = container.request_scope(cancel_guard=guard)
            async with request_scope:
                if handler is not None:
                    # FastAPI's exit stacks, for the internals a handler may call
                    # (solve_dependencies): see serve_with_handler.
                    async with AsyncExitStack() as inner:
                        scope["fastapi_inner_astack"] = inner
                        scope[REQUEST_SCOPE] = request_scope
                        async with AsyncExitStack() as function_stack:
                            scope["fastapi_function_astack"] = function_stack
                            response = await handler(request)
                        watch = StartWatch(send)
                        await _send_watched(response, watch, scope, receive)
                else:
                    if telemetry is None:
                        response = await respond(route, request_scope, request)  # type: ignore[arg-type]
                    else:
                        response = await respond_traced(telemetry, route, request_scope, request)  # type: ignore[arg-type]
                    if type(response).__call__ is PLAIN_CALL:
                        await response(scope, receive, send)
                    else:
                        watch = StartWatch(send)
                        await _send_watched(response, watch, scope, receive)
            if response is None:
                raise _not_awaited()
    except Exception as exc:
        started = watch.started if watch is not None else response is not None
        await handle_exception(exc, request, started, scope, receive, send)
    finally:
        # The files of a parsed form are closed once the request is over (error
        # responses, which may show them, included).
        values = {} if request_scope is None else request_scope.values
        connection = values.get(CONNECTION, request)
        if request._form is not None or connection is not request:
            await close_forms(request, connection)


async def serve_with_handler(
    handler: RouteHandler, container: Container, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve with a route class's own `get_route_handler()` (a documented FastAPI pattern),
    or a function given to `request_response`.

    As FastAPI's, the scope holds the exit stacks FastAPI's internals enter
    dependencies on (`solve_dependencies` called by the handler):
    `fastapi_function_astack`, closed once the handler returned its response,
    `fastapi_inner_astack`, closed after the response was sent and its background
    tasks ran, and `fastapi_middleware_astack` (unless a middleware set it), closed
    last."""
    async with AsyncExitStack() as outer:
        if "fastapi_middleware_astack" not in scope:
            scope["fastapi_middleware_astack"] = outer
        await serve(None, container, scope, receive, send, handler)


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
