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
from typing import Any

from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.routing import WebSocketRoute, compile_path, get_name
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

from fastslim_di import Container, Depends

from .._compile._compiler import compile_route
from .._serve._compiled import CompiledRoute, RouteSettings
from .._serve._handler import container_of
from .._serve._traced import run_websocket_traced
from .._serve._websocket_serve import run_websocket
from .._telemetry._state import TELEMETRY

__all__ = ("APIWebSocketRoute",)


async def serve_websocket(
    route: CompiledRoute, container: Container, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve one WebSocket connection with `route` (exceptions go to the app's handlers)."""
    websocket = WebSocket(scope, receive, send)

    telemetry = scope.get(TELEMETRY)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        guard = container.needs_cancel_guard(route.plan)
        async with container.request_scope(cancel_guard=guard) as request_scope:
            if telemetry is None:
                await run_websocket(route, request_scope, websocket)
            else:
                await run_websocket_traced(telemetry, route, request_scope, websocket)

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

    _embed_body_fields = False  # as FastAPI's: a websocket has no body

    @property
    def dependant(self) -> Any:
        """FastAPI's `Dependant` tree of the endpoint (a view of the compiled plan;
        assignable, as on FastAPI)."""
        found = self.__dict__.get("_dependant")
        if found is None:
            from .._internals.views import dependant_of_plan

            found = dependant_of_plan(self.compiled.plan, self.path_format, scope="function")
            self.__dict__["_dependant"] = found
        return found

    @dependant.setter
    def dependant(self, value: Any) -> None:
        self.__dict__["_dependant"] = value

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        await serve_websocket(self.compiled, container_of(scope), scope, receive, send)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r}, name={self.name!r})"
