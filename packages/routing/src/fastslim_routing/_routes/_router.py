"""`APIRouter`: path operations, inclusion of other routers, and dispatch.

Routers are not copied when included (FastAPI 0.137+): an `IncludedRouter`
node records the inclusion, and the router that serves requests flattens its
tree lazily, when first served after any router's routes changed. Dispatch
asks the route index for the candidates of a path, in declaration order, so
"first declared wins", 405 from a partial match, mounts and slash redirects
behave as in Starlette's linear router.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any, TypeVar

from starlette._utils import get_route_path
from starlette.datastructures import URL, URLPath
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Match, NoMatchFound, Router
from starlette.types import ASGIApp, Lifespan, Receive, Scope, Send

from fastslim_di import Depends

from .._compile._limits import check_form_limits, check_max_body_size
from .._telemetry._state import TELEMETRY
from ..datastructures import Default, DefaultPlaceholder
from ..exceptions import FastAPIError
from ..utils import generate_unique_id
from . import _lifespan
from ._effective import CompileCache, EffectiveRoute, Flattened, compile_inclusion, flatten
from ._frontend import FrontendDecorators
from ._frontend_route import FrontendRoute, by_prefix, serving_frontend
from ._inclusion import IncludedRouter, RouterNode
from ._index import RouteIndex, default_template
from ._route import APIRoute
from ._route_list import GENERATION, RouteList, bump, generation
from ._router_decorators import RouterDecorators
from ._websocket_decorators import WebSocketDecorators

DecoratedCallable = TypeVar("DecoratedCallable", bound=Callable[..., Any])


def _template_of(route: BaseRoute) -> str | None:
    if isinstance(route, EffectiveRoute):
        return route.path
    return default_template(route)


def _check_prefix(prefix: str) -> None:
    if prefix and not prefix.startswith("/"):
        raise AssertionError(f"A path prefix must start with '/', got {prefix!r}")
    if prefix.endswith("/"):
        raise AssertionError(
            f"A path prefix must not end with '/', as the routes will start with '/'; "
            f"got {prefix!r}"
        )


def _check_include(parent: APIRouter, router: APIRouter) -> None:
    if router is parent:
        raise AssertionError(
            "Cannot include the same APIRouter instance into itself. "
            "Did you mean to include a different router?"
        )
    stack: list[RouterNode] = [router]
    while stack:
        current = stack.pop()
        for node in current.routes:
            if isinstance(node, IncludedRouter):
                if node.router is parent:
                    raise AssertionError(
                        "Cannot include this router: it already includes this router "
                        "(directly or indirectly), which would create a cycle."
                    )
                stack.append(node.router)


def _originals(routes: Iterable[BaseRoute]) -> dict[int, BaseRoute]:
    """{id(served route): the route a request's `scope["route"]` names} for the served
    routes standing for another (an `EffectiveRoute` names its `APIRoute`)."""
    found = {}
    for route in routes:
        original = getattr(route, "original", route)
        if original is not route:
            found[id(route)] = original
    return found


class APIRouter(RouterDecorators, WebSocketDecorators, FrontendDecorators, Router):  # type: ignore[misc]
    """FastAPI's `APIRouter`, with every constructor argument of FastAPI 0.165."""

    def __init__(
        self,
        *,
        prefix: str = "",
        tags: list[str | Enum] | None = None,
        dependencies: Sequence[Depends] | None = None,
        default_response_class: type[Response] | DefaultPlaceholder = Default(JSONResponse),
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: list[BaseRoute] | None = None,
        routes: list[BaseRoute] | None = None,
        redirect_slashes: bool = True,
        default: ASGIApp | None = None,
        dependency_overrides_provider: Any | None = None,
        route_class: type[APIRoute] = APIRoute,
        on_startup: Sequence[Callable[[], Any]] | None = None,
        on_shutdown: Sequence[Callable[[], Any]] | None = None,
        lifespan: Lifespan[Any] | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        generate_unique_id_function: Callable[[APIRoute], str] | DefaultPlaceholder = Default(
            generate_unique_id
        ),
        strict_content_type: bool | DefaultPlaceholder = Default(True),
        max_body_size: int | None = None,
        form_limits: dict[str, int] | None = None,
    ) -> None:
        super().__init__(redirect_slashes=redirect_slashes, default=default)
        self.routes = RouteList(routes or [])
        if prefix:
            if not prefix.startswith("/"):
                raise AssertionError("A path prefix must start with '/'")
            if prefix.endswith("/"):
                raise AssertionError(
                    "A path prefix must not end with '/', as the routes will start with '/'"
                )
        self.prefix = prefix
        self.tags: list[str | Enum] = list(tags or [])
        self.dependencies: list[Depends] = list(dependencies or [])
        self.default_response_class = default_response_class
        self.responses = dict(responses or {})
        self.callbacks = callbacks or []
        self.dependency_overrides_provider = dependency_overrides_provider
        self.route_class = route_class
        self.on_startup: list[Callable[[], Any]] = list(on_startup or [])
        self.on_shutdown: list[Callable[[], Any]] = list(on_shutdown or [])
        self.lifespan_context: _lifespan.RouterLifespan = _lifespan.router_lifespan(  # type: ignore[assignment]
            self, lifespan
        )
        self.deprecated = deprecated
        self.include_in_schema = include_in_schema
        self.generate_unique_id_function = generate_unique_id_function
        self.strict_content_type = strict_content_type
        self.max_body_size = check_max_body_size(max_body_size)
        self.form_limits = check_form_limits(form_limits)
        self._served_generation = -1
        self._flat: Flattened = []
        self._index: RouteIndex | None = None
        self._originals: dict[int, BaseRoute] = {}
        self._frontends: list[FrontendRoute] = []
        self._compiled: CompileCache = {}

    @property
    def routes(self) -> list[BaseRoute]:
        """The router's routes, in declaration order; every change is seen by the
        routers serving them. Assigning a list replaces them (as extensions do)."""
        return self._routes

    @routes.setter
    def routes(self, value: list[BaseRoute]) -> None:
        routes = RouteList(value) if type(value) is not RouteList else value
        routes.owner = weakref.ref(self)  # for get_openapi
        self._routes: list[BaseRoute] = routes
        self._mark_routes_changed()

    def _mark_routes_changed(self) -> None:
        """Tell the serving routers that the routes changed (FastAPI's hook, for code
        that edits `routes` in place or replaces it)."""
        bump()

    # -- dispatch -----------------------------------------------------------

    def served_routes(self) -> Flattened:
        """The flattened routes, rebuilt when any router changed since the last call."""
        if self._served_generation != generation():
            self._served_generation = generation()
            flat = flatten(self, self._compiled)
            self._frontends = by_prefix([route for route, _ in flat])
            self._flat = [item for item in flat if not isinstance(item[0], FrontendRoute)]
            self._index = RouteIndex([route for route, _ in self._flat], _template_of)
            self._originals = _originals(route for route, _ in self._flat)
        return self._flat

    def _route_index(self) -> RouteIndex:
        self.served_routes()
        index = self._index
        if index is None:
            raise FastAPIError("The route index was not built.")
        return index

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if "router" not in scope:
            scope["router"] = self
        if scope["type"] == "lifespan":
            await self.lifespan(scope, receive, send)
            return
        index = self._index
        if self._served_generation != GENERATION[0] or index is None:
            index = self._route_index()  # a router changed: flattened again
        route_path = get_route_path(scope)
        partial = partial_scope = None
        for route in index.candidates(route_path):
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                scope["route"] = self._originals.get(id(route), route)
                scope.update(child_scope)
                await route.handle(scope, receive, send)
                return
            if match is Match.PARTIAL and partial is None:
                partial, partial_scope = route, child_scope
        if partial is not None and partial_scope is not None:
            scope["route"] = self._originals.get(id(partial), partial)
            scope.update(partial_scope)
            await partial.handle(scope, receive, send)
            return
        if scope["type"] == "http" and self.redirect_slashes and route_path != "/":
            redirect_scope = dict(scope)
            if route_path.endswith("/"):
                redirect_scope["path"] = redirect_scope["path"].rstrip("/")
            else:
                redirect_scope["path"] = redirect_scope["path"] + "/"
            for route in index.candidates(get_route_path(redirect_scope)):
                match, _ = route.matches(redirect_scope)
                if match is not Match.NONE:
                    telemetry = scope.get(TELEMETRY)
                    if telemetry is not None:  # the span names the route redirected to
                        telemetry.route = telemetry.template(scope, getattr(route, "path", ""))
                    response = RedirectResponse(url=str(URL(scope=redirect_scope)))
                    await response(scope, receive, send)
                    return
        frontend = serving_frontend(self._frontends, route_path)
        if frontend is not None and scope["type"] == "http":
            await frontend.handle(scope, receive, send)
            return
        await self.default(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        for route, _ in self.served_routes():
            try:
                return route.url_path_for(name, **path_params)
            except NoMatchFound:
                pass
        raise NoMatchFound(name, path_params)

    # -- inclusion ----------------------------------------------------------

    def include_router(
        self,
        router: APIRouter,
        *,
        prefix: str = "",
        tags: list[str | Enum] | None = None,
        dependencies: Sequence[Depends] | None = None,
        default_response_class: type[Response] | DefaultPlaceholder = Default(JSONResponse),
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: list[BaseRoute] | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        generate_unique_id_function: Callable[[APIRoute], str] | DefaultPlaceholder = Default(
            generate_unique_id
        ),
        max_body_size: int | None = None,
        form_limits: dict[str, int] | None = None,
    ) -> None:
        """Include `router`'s routes under `prefix`; later changes to it stay live."""
        if prefix:
            if not prefix.startswith("/"):
                raise AssertionError("A path prefix must start with '/'")
            if prefix.endswith("/"):
                raise AssertionError(
                    "A path prefix must not end with '/', as the routes will start with '/'"
                )
        _check_include(self, router)
        node = IncludedRouter(
            router,
            prefix,
            tags=tags,
            dependencies=dependencies,
            default_response_class=default_response_class,
            responses=responses,
            callbacks=callbacks,
            deprecated=deprecated,
            include_in_schema=include_in_schema,
            generate_unique_id_function=generate_unique_id_function,
            max_body_size=max_body_size,
            form_limits=form_limits,
        )
        _lifespan.merge_into(self, router)
        node.included_by(self)
        self.routes.append(node)
        # Compile now what can be compiled, so declaration errors show at inclusion.
        compile_inclusion(self, node, self._compiled)
