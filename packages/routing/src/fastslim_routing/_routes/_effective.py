"""The routes a router serves, with every inclusion applied (FastAPI 0.137+'s model).

Routers are not copied: `include_router` appends an `_IncludedRouter` node, and
the routes are flattened, when first served after a change, into effective
routes: an `APIRoute` under an inclusion is served by an `EffectiveRoute` (the
full path, the inclusion's dependencies, response class and content-type
setting, compiled once and cached), Starlette routes by prefixed stand-ins.
`iter_route_contexts` lists the same with their `Placement`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette._utils import get_route_path
from starlette.datastructures import URLPath
from starlette.routing import (
    BaseRoute,
    Match,
    Mount,
    NoMatchFound,
    Route,
    WebSocketRoute,
    compile_path,
    replace_params,
)
from starlette.types import Receive, Scope, Send

from fastslim_di import Depends

from .._compile._compiler import compile_route
from .._compile._limits import first_size, merge_form_limits
from .._serve._compiled import CompiledRoute
from .._serve._handler import COMPILED
from ..datastructures import Default
from ..exceptions import FastAPIError
from ..utils import generate_unique_id, get_value_or_default
from ._frontend import Frontend
from ._inclusion import IncludedRouter, RouterNode
from ._route import APIRoute
from ._websocket_route import APIWebSocketRoute

EFFECTIVE = "fastslim.effective_route"
"""ASGI scope key: the `EffectiveRoute` serving the request, when it is served under
an inclusion (FastAPI's `_get_scope_effective_route_context` reads it)."""


@dataclass(frozen=True)
class Placement:
    """A route as served: its effective `path`, `name`, `methods`, `endpoint`, and
    the `original_route` (the object in its router's `routes`)."""

    path: str
    name: str | None
    methods: frozenset[str] | None
    endpoint: Callable[..., Any] | None
    original_route: BaseRoute
    inclusions: tuple[IncludedRouter, ...] = ()


class EffectiveRoute(BaseRoute):
    """An `APIRoute` served under one chain of inclusions."""

    def __init__(self, original: APIRoute, compiled: CompiledRoute) -> None:
        self.original = original
        self.compiled = compiled
        self.path = compiled.settings.path
        self.name = original.name
        self.endpoint = original.endpoint
        self.methods = original.methods
        self.include_in_schema = original.include_in_schema
        self.path_regex, self.path_format, self.param_convertors = compile_path(self.path)
        self.placement: Placement | None = None
        self.top: Any = None
        """Where the route is served and the router serving it (set when flattened),
        for FastAPI's context views."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http":
            return Match.NONE, {}
        match = self.path_regex.match(get_route_path(scope))
        if match is None:
            return Match.NONE, {}
        params = match.groupdict()
        for key, value in params.items():
            params[key] = self.param_convertors[key].convert(value)
        path_params = dict(scope.get("path_params", {}))
        path_params.update(params)
        child = {
            "endpoint": self.endpoint,
            "path_params": path_params,
            "route": self.original,
            COMPILED: self.compiled,
            EFFECTIVE: self,
        }
        if scope["method"] not in self.methods:
            return Match.PARTIAL, child
        return Match.FULL, child

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        if name != self.name or set(path_params) != set(self.param_convertors):
            raise NoMatchFound(name, path_params)
        path, _ = replace_params(self.path_format, self.param_convertors, path_params)
        return URLPath(path=path, protocol="http")

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.original.handle(scope, receive, send)


def _prefixed(route: BaseRoute, prefix: str, max_body_size: int | None = None) -> BaseRoute:
    """A Starlette route under an inclusion prefix (and body limit)."""
    if not prefix and max_body_size is None:
        return route
    if isinstance(route, Route):
        return Route(
            prefix + route.path,
            route.endpoint,
            methods=route.methods,
            name=route.name,
            include_in_schema=route.include_in_schema,
            max_body_size=max_body_size,
        )
    if isinstance(route, WebSocketRoute):
        return WebSocketRoute(prefix + route.path, route.endpoint, name=route.name)
    if isinstance(route, Mount):
        return Mount(
            prefix + route.path, app=route.app, name=route.name, max_body_size=max_body_size
        )
    return route


@dataclass(frozen=True)
class _Chain:
    """What the inclusions above a route add, innermost settings first."""

    prefix: str = ""
    dependencies: tuple[Depends, ...] = ()
    response_classes: tuple[Any, ...] = ()
    strict: tuple[Any, ...] = ()
    max_body_sizes: tuple[int | None, ...] = ()
    form_limits: tuple[Mapping[str, int] | None, ...] = ()
    inclusions: tuple[IncludedRouter, ...] = ()
    top: Any = None
    """The router whose routes are being flattened."""


Flattened = list[tuple[BaseRoute, Placement]]
CompileCache = dict[tuple[int, ...], tuple[BaseRoute, tuple[Any, ...]]]
"""(ids of the route, its compilation and its inclusions) -> the effective route, and
the inclusions themselves (kept alive so that their ids stay theirs)."""


def _effective(route: APIRoute, chain: _Chain, cache: CompileCache) -> EffectiveRoute:
    key = (id(route), id(route.compiled), *map(id, chain.inclusions))
    cached = cache.get(key)
    if cached is not None and isinstance(cached[0], EffectiveRoute):
        return cached[0]
    settings = route.settings(
        prefix=chain.prefix,
        dependencies=chain.dependencies,
        response_class=get_value_or_default(*chain.response_classes),
        strict_content_type=get_value_or_default(*chain.strict),
        max_body_size=first_size(*chain.max_body_sizes),
        form_limits=merge_form_limits(*chain.form_limits),
    )
    found = EffectiveRoute(route, compile_route(settings))
    cache[key] = (found, chain.inclusions)
    return found


def _effective_websocket(route: APIWebSocketRoute, chain: _Chain, cache: CompileCache) -> BaseRoute:
    if not chain.inclusions:
        return route
    key = (id(route), id(route.compiled), *map(id, chain.inclusions))
    cached = cache.get(key)
    if cached is None:
        cached = cache[key] = (route.under(chain.prefix, chain.dependencies), chain.inclusions)
    return cached[0]


def flatten(router: RouterNode, cache: CompileCache) -> Flattened:
    """Every route `router` serves, in declaration order, with its context.

    Raises the declaration errors of routes compiled under an inclusion.
    """
    found: Flattened = []
    _walk(router, _Chain(top=router), cache, found)
    return found


class _OnlyInclusion:
    """A router seen with one inclusion as its only route (its other settings as they are)."""

    def __init__(self, router: RouterNode, node: IncludedRouter) -> None:
        self._router = router
        self.routes = [node]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._router, name)


def compile_inclusion(router: RouterNode, node: IncludedRouter, cache: CompileCache) -> None:
    """Compile the routes `node` adds to `router` (declaration errors show at inclusion),
    without walking the routes included before it again."""
    _walk(_OnlyInclusion(router, node), _Chain(top=router), cache, [])  # type: ignore[arg-type]


def _walk(router: RouterNode, chain: _Chain, cache: CompileCache | None, found: Flattened) -> None:
    """Appends to `found`; with no `cache`, only the contexts are meaningful."""
    if cache is not None:
        _frontends(router, chain, cache, found)
    for node in list(router.routes):
        if isinstance(node, IncludedRouter):
            inner = _Chain(
                prefix=chain.prefix + router.prefix + node.prefix,
                dependencies=(*chain.dependencies, *router.dependencies, *node.dependencies),
                response_classes=(
                    node.default_response_class,
                    router.default_response_class,
                    *chain.response_classes,
                ),
                strict=(router.strict_content_type, *chain.strict),
                # A router's own max_body_size is merged into its routes when they are
                # declared; its own form_limits are not (FastAPI 0.165 reads them late).
                max_body_sizes=(node.max_body_size, router.max_body_size, *chain.max_body_sizes),
                form_limits=(node.router.form_limits, node.form_limits, *chain.form_limits),
                inclusions=(*chain.inclusions, node),
                top=chain.top,
            )
            _walk(node.router, inner, cache, found)
        elif cache is None:
            found.append((node, _context(node, chain)))
        elif isinstance(node, APIRoute):
            if chain.inclusions and not (chain.prefix + node.path):
                raise FastAPIError(
                    f"Prefix and path cannot be both empty (path operation: {node.name})"
                )
            placement = _context(node, chain)
            served: BaseRoute = node
            if chain.inclusions:
                effective = served = _effective(node, chain, cache)
                effective.placement, effective.top = placement, chain.top
            found.append((served, placement))
        elif isinstance(node, APIWebSocketRoute):
            found.append((_effective_websocket(node, chain, cache), _context(node, chain)))
        else:
            # Starlette routes and mounts of an included router get the limit of the
            # router and its inclusions, as FastAPI's.
            limit = first_size(router.max_body_size, *chain.max_body_sizes)
            served = _prefixed(node, chain.prefix, limit if chain.inclusions else None)
            found.append((served, _context(node, chain)))


def _frontends(router: RouterNode, chain: _Chain, cache: CompileCache, found: Flattened) -> None:
    """The router's frontends under `chain` (the serving router asks them last)."""
    declared: Sequence[Frontend] = getattr(router, "_declared_frontends", ())
    for frontend in declared:
        key = (id(frontend), *map(id, chain.inclusions))
        cached = cache.get(key)
        if cached is None:
            limit = first_size(router.max_body_size, *chain.max_body_sizes)
            served = frontend.under(chain.prefix, chain.dependencies, limit)
            cached = cache[key] = (served, chain.inclusions)
        found.append((cached[0], _context(cached[0], chain)))


def _context(route: BaseRoute, chain: _Chain) -> Placement:
    path = getattr(route, "path", None)
    methods = getattr(route, "methods", None)
    return Placement(
        path=chain.prefix + path if isinstance(path, str) else chain.prefix,
        name=getattr(route, "name", None),
        methods=frozenset(methods) if methods else None,
        endpoint=getattr(route, "endpoint", None),
        original_route=route,
        inclusions=chain.inclusions,
    )


@dataclass
class _Root:
    """The root of a bare route list (`app.routes`): no prefix, no settings of its own."""

    routes: list[BaseRoute]
    prefix: str = ""
    dependencies: Sequence[Depends] = ()
    default_response_class: Any = None
    strict_content_type: Any = True
    max_body_size: int | None = None
    form_limits: Mapping[str, int] = field(default_factory=dict)
    generate_unique_id_function: Any = field(default_factory=lambda: Default(generate_unique_id))


def iter_route_contexts(routes: Sequence[BaseRoute]) -> Iterator[Placement]:
    """The `Placement` of every route reachable from `routes` (e.g. `app.routes`)."""
    found: Flattened = []
    _walk(_Root(list(routes)), _Chain(), None, found)
    for _, context in found:
        yield context
