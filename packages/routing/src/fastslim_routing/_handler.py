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

import anyio.to_thread
from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from fastslim_di import Container, ParameterErrors, RequestScope, ScopeNotActiveError

from . import exceptions
from ._body import body_parse_error
from ._collector import CONNECTION, ERRORS, RESPONSE, TASKS, VALUES
from ._compile import CompiledRoute, endpoint_context
from ._form import close_forms
from ._validator import KeyedError


def _request_errors(route: CompiledRoute, errors: list[Any], body: Any, method: str) -> Exception:
    keyed: list[KeyedError] = [error for error in errors if isinstance(error, tuple)]
    keyed.sort(key=lambda item: item[0])
    return exceptions.RequestValidationError(
        [error for _, error in keyed],
        body=body,
        endpoint_ctx=endpoint_context(route.settings, method),
    )


def _raise_if_malformed(
    route: CompiledRoute, errors: dict[str, list[KeyedError]], body: Any, method: str
) -> None:
    """A body that is not JSON fails the request at once, before any dependency runs
    (as FastAPI: it parses the body first)."""
    for slot_errors in errors.values():
        malformed = [error for error in slot_errors if error[1]["type"] == "json_invalid"]
        if malformed:
            raise _request_errors(route, malformed, body, method)


async def _inputs(route: CompiledRoute, request: Request, values: dict[Any, Any]) -> Any:
    """Validate the parameters and the body into `values`; returns the parsed body."""
    found: dict[str, Any] = {}
    errors: dict[str, list[KeyedError]] | None = None
    if route.extractor is not None and route.params is not None:
        found, errors = route.params(route.extractor(request))
    body = None
    if route.form is not None:
        try:
            body_values, body_errors, body = await route.form(request)
        except ClientDisconnect:
            raise body_parse_error() from None
        found = {**found, **body_values} if found else body_values
        if body_errors:
            errors = {**errors, **body_errors} if errors else body_errors
    elif route.body is not None:
        try:
            raw = await request.body()
        except ClientDisconnect:
            raise body_parse_error() from None
        body_values, body_errors, body = route.body(raw, request.headers.get("content-type"))
        found = {**found, **body_values} if found else body_values
        if body_errors:
            _raise_if_malformed(route, body_errors, body, request.method)
            errors = {**errors, **body_errors} if errors else body_errors
    values[VALUES] = found
    if errors:
        values[ERRORS] = errors
    return body


def _finish(route: CompiledRoute, raw: Any, values: dict[Any, Any]) -> Response:
    tasks = values.get(TASKS)
    if isinstance(raw, Response):
        if tasks is not None and raw.background is None:
            raw.background = tasks
        return raw
    sub = values.get(RESPONSE)
    response = route.response(raw, sub.status_code if sub is not None else None)
    if sub is not None:
        response.headers.raw.extend(sub.headers.raw)
    if tasks is not None:
        response.background = tasks
    return response


_NOTHING: Any = object()


async def _close_body(response: Response) -> None:
    """Close a streamed body whose sending failed (the client went away) right now,
    as the garbage collector otherwise would, some time later."""
    aclose = getattr(getattr(response, "body_iterator", None), "aclose", None)
    if aclose is not None:
        with anyio.CancelScope(shield=True):
            await aclose()


def _app_scope_not_running(exc: ScopeNotActiveError) -> Exception:
    """A `scope="app"` dependency used while the app's lifespan is not running."""
    return exceptions.FastAPIError(
        f"{exc} For an app, its lifespan runs the app scope: start the app (a server, or "
        "`with TestClient(app):` in tests). An app mounted in another app does not run "
        "its own lifespan: declare the dependency in the outer app, or include the inner "
        "app's routers instead of mounting it."
    )


def _not_awaited() -> Exception:
    """A yield dependency swallowed the exception that stopped the response (FastAPI's
    error, message and link)."""
    return exceptions.FastAPIError(
        "Response not awaited. There's a high chance that the application code is raising "
        "an exception and a dependency with yield has a block with a bare except, or a "
        "block with except Exception, and is not raising the exception again. Read more "
        "about it in the docs: https://fastapi.tiangolo.com/tutorial/dependencies/"
        "dependencies-with-yield/#dependencies-with-yield-and-except"
    )


REQUEST_SCOPE = "fastslim.request_scope"
"""ASGI scope key: the fastslim-di `RequestScope` of the request being served."""
COMPILED = "fastslim.compiled_route"
"""ASGI scope key: the `CompiledRoute` serving the request (set by the router)."""
TELEMETRY = "fastslim.telemetry"
"""ASGI scope key: the telemetry of a request observed by the app's telemetry middleware
(absent when telemetry is off: then nothing else is looked up)."""


async def respond(route: CompiledRoute, request_scope: RequestScope, request: Request) -> Response:
    """Validate, solve, call the endpoint, exit the function scope, serialize."""
    values = request_scope.values
    values[CONNECTION] = request
    body = await _inputs(route, request, values)
    if route.flat is not None:
        return await _respond_flat(route, request_scope, request, body)
    raw: Any = _NOTHING
    async with request_scope.function_scope() as function_scope:
        try:
            kwargs = await function_scope.solve(route.plan)
        except ParameterErrors as exc:
            raise _request_errors(route, exc.errors, body, request.method) from None
        except ScopeNotActiveError as exc:
            raise _app_scope_not_running(exc) from exc
        if route.is_async:
            raw = await route.endpoint(**kwargs)
        else:
            raw = await anyio.to_thread.run_sync(functools.partial(route.endpoint, **kwargs))
    if raw is _NOTHING:
        raise _not_awaited()
    return _finish(route, raw, values)


async def _respond_flat(
    route: CompiledRoute, context: Any, request: Request, body: Any
) -> Response:
    """`respond()` for a route without dependencies: its sources are called directly."""
    kwargs: dict[str, Any] = {}
    errors: list[Any] = []
    for name, source in route.flat or ():
        try:
            kwargs[name] = source(context)
        except ParameterErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise _request_errors(route, errors, body, request.method)
    if route.is_async:
        raw = await route.endpoint(**kwargs)
    else:
        raw = await anyio.to_thread.run_sync(functools.partial(route.endpoint, **kwargs))
    return _finish(route, raw, context.values)


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
) -> None:
    """Open the request scope around producing and sending the response; exceptions go
    to the app's handlers after the yield dependencies saw them.

    The route handles its exceptions itself (as Starlette's and FastAPI's routes do),
    inside the app's ExceptionMiddleware: an exception handler that raises an
    `HTTPException` still gets its HTTP error from the app's own handler.
    """
    request = Request(scope, receive, send)
    request_scope: Any = FlatScope() if flat else container.request_scope()

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
        functools.partial(respond if telemetry is None else telemetry.respond, route),
        container,
        scope,
        receive,
        send,
        flat=route.flat is not None and telemetry is None,
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


def route_handler(default: CompiledRoute) -> RouteHandler:
    """The `request -> response` function of a route (what `get_route_handler()` returns)."""

    async def handler(request: Request) -> Response:
        scope = request.scope
        route = scope.get(COMPILED, default)
        request_scope = scope.get(REQUEST_SCOPE)
        if request_scope is None:
            raise exceptions.FastAPIError(
                "A route handler was called outside of its route; call it from the "
                "ASGI app of the route (APIRoute.app)."
            )
        telemetry = scope.get(TELEMETRY)
        produce = respond if telemetry is None else telemetry.respond
        return await produce(route, request_scope, request)

    return handler
