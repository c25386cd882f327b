"""`APIWebSocketRoute`: a WebSocket endpoint with parameters and dependencies.

Compiled once, like an `APIRoute`, through `compile_route` (the same collector,
validator and dependency plan): path, query, header and cookie parameters are
validated before the endpoint runs. Per connection: the request scope opens,
the parameters are validated, the dependencies solved, the endpoint awaited;
the function scope ends when the endpoint returns, the request scope when the
connection handler ends. Invalid parameters raise
`WebSocketRequestValidationError` (the app's handler closes with 1008 and the
error list as reason); an `HTTPException` raised before the socket is accepted
becomes an HTTP denial response through the app's exception handlers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.routing import WebSocketRoute, compile_path, get_name
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from fastslim_di import Container, Depends, ParameterErrors, RequestScope

from . import exceptions
from ._collector import CONNECTION, ERRORS, VALUES
from ._compile import CompiledRoute, RouteSettings, compile_route, endpoint_context
from ._handler import TELEMETRY
from ._route import container_of
from ._validator import KeyedError

__all__ = ("APIWebSocketRoute",)

WEBSOCKET_METHOD = "WS"
"""How validation errors name a WebSocket endpoint (`WS /ws/{room}`), as FastAPI."""


def _validation_error(route: CompiledRoute, errors: list[Any]) -> Exception:
    keyed: list[KeyedError] = [error for error in errors if isinstance(error, tuple)]
    keyed.sort(key=lambda item: item[0])
    return exceptions.WebSocketRequestValidationError(
        [error for _, error in keyed],
        endpoint_ctx=endpoint_context(route.settings, WEBSOCKET_METHOD),
    )


class _NoForm:
    """What a form reader reads for a WebSocket: an empty form (no body)."""

    def __init__(self, websocket: WebSocket) -> None:
        self.scope = websocket.scope

    async def form(self, **limits: Any) -> FormData:
        return FormData()


async def _inputs(route: CompiledRoute, websocket: WebSocket, values: dict[Any, Any]) -> None:
    """Validate the parameters into `values` (a WebSocket has no body: body and form
    parameters are missing, or take their defaults, as in FastAPI)."""
    found: dict[str, Any] = {}
    errors: dict[str, list[KeyedError]] = {}
    if route.extractor is not None and route.params is not None:
        found, params_errors = route.params(route.extractor(websocket))
        errors.update(params_errors or {})
    results = []
    if route.body is not None:
        results.append(route.body(b"", None))
    if route.form is not None:
        # The reader only calls `.form()` and reads `.scope`: an empty form will do.
        results.append(await route.form(cast(Request, _NoForm(websocket))))
    for body_values, body_errors, _ in results:
        found = {**found, **body_values}
        errors.update(body_errors or {})
    values[VALUES] = found
    if errors:
        values[ERRORS] = errors


async def run_websocket(
    route: CompiledRoute, request_scope: RequestScope, websocket: WebSocket
) -> None:
    """Validate, solve and await the endpoint, inside the connection's request scope."""
    values = request_scope.values
    values[CONNECTION] = websocket
    await _inputs(route, websocket, values)
    async with request_scope.function_scope() as function_scope:
        try:
            kwargs = await function_scope.solve(route.plan)
        except ParameterErrors as exc:
            raise _validation_error(route, exc.errors) from None
        await route.endpoint(**kwargs)


async def serve_websocket(
    route: CompiledRoute, container: Container, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve one WebSocket connection with `route` (exceptions go to the app's handlers)."""
    websocket = WebSocket(scope, receive, send)

    telemetry = scope.get(TELEMETRY)
    run = run_websocket if telemetry is None else telemetry.run_websocket

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        async with container.request_scope() as request_scope:
            await run(route, request_scope, websocket)

    await wrap_app_handling_exceptions(app, websocket)(scope, receive, send)


class APIWebSocketRoute(WebSocketRoute):
    """A WebSocket endpoint (FastAPI's `APIWebSocketRoute`).

    `path` is the full path template (router prefix included), `endpoint` an
    `async def` taking a `WebSocket` and any parameters and dependencies,
    `name` the route name for `url_path_for` (default: the endpoint's name),
    `dependencies` extra dependencies solved before the endpoint. Raises the
    declaration errors of `compile_route` (`FastAPIError` and its subclasses).
    """

    def __init__(
        self,
        path: str,
        endpoint: Callable[..., Any],
        *,
        name: str | None = None,
        dependencies: Sequence[Depends] | None = None,
        dependency_overrides_provider: Any | None = None,
    ) -> None:
        self.path = path
        self.endpoint = endpoint
        self.name = get_name(endpoint) if name is None else name
        self.dependencies: list[Depends] = list(dependencies or [])
        self.dependency_overrides_provider = dependency_overrides_provider
        self.path_regex, self.path_format, self.param_convertors = compile_path(path)
        self.compiled = compile_route(self.settings())
        self.app = self._serve

    def settings(self) -> RouteSettings:
        """The compile settings of this route (no response: a WebSocket returns nothing)."""
        return RouteSettings(
            path=self.path,
            endpoint=self.endpoint,
            methods=frozenset(),
            name=self.name,
            dependencies=tuple(self.dependencies),
            response_model=None,
        )

    def under(self, prefix: str, dependencies: Sequence[Depends]) -> APIWebSocketRoute:
        """This route as served under inclusions adding `prefix` and `dependencies`
        (a route of its own, as FastAPI serves it: `scope["route"].path` is the full path)."""
        return APIWebSocketRoute(
            prefix + self.path,
            self.endpoint,
            name=self.name,
            dependencies=[*dependencies, *self.dependencies],
            dependency_overrides_provider=self.dependency_overrides_provider,
        )

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        await serve_websocket(self.compiled, container_of(scope), scope, receive, send)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r}, name={self.name!r})"
