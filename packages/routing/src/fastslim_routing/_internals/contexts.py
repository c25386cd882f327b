"""FastAPI 0.165's route contexts, as views over fastslim's flattened routes.

- `RouteContext(route, _route_context=None)`: a route as served (frozen; `path`,
  `path_format`, `name`, `methods`, `endpoint`, and every other attribute, e.g.
  `matches()`, read from the effective route: the route itself at the top level,
  else its `_EffectiveRouteContext`, or for a Starlette route, mount or websocket
  route under an inclusion the prefixed route serving it).
- `_EffectiveRouteContext`: an `APIRoute` under inclusions with their settings
  merged (full path, tags, responses, dependencies, operation id...), FastAPI's
  dataclass fields; for other routes under inclusions, `starlette_route` is the
  prefixed route and the rest keeps its defaults.
- `iter_route_contexts`, `_iter_routes_with_context`,
  `_get_scope_effective_route_context` (FastAPI docs: Release notes 0.137,
  "routers are no longer copied").

Built from the routes the router serves (one flattening, one compilation); the
merged document settings come from the OpenAPI view of the same route.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from starlette._utils import get_route_path
from starlette.datastructures import URLPath
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Match, NoMatchFound, replace_params
from starlette.types import ASGIApp, Scope

from .. import params
from .._compile._compiler import _response_type
from .._routes import _inclusion
from .._routes._effective import EFFECTIVE, EffectiveRoute, Placement, _Root, flatten
from ..datastructures import Default, DefaultPlaceholder
from ..utils import generate_unique_id, get_value_or_default
from .dependant import Dependant
from .model_field import ModelField

__all__ = (
    "RouteContext",
    "_EffectiveRouteContext",
    "_get_scope_effective_route_context",
    "_iter_routes_with_context",
    "context_pairs",
    "iter_route_contexts",
)


@dataclass
class _EffectiveRouteContext:
    """A route under inclusions, their settings merged (FastAPI 0.165's fields)."""

    original_route: BaseRoute
    starlette_route: BaseRoute | None = None
    app: ASGIApp | None = field(default=None, repr=False, compare=False)
    frontend_prefix: str = ""
    path: str = ""
    endpoint: Callable[..., Any] | None = None
    stream_item_type: Any | None = None
    response_model: Any = None
    summary: str | None = None
    response_description: str = "Successful Response"
    deprecated: bool | None = None
    operation_id: str | None = None
    response_model_include: Any = None
    response_model_exclude: Any = None
    response_model_by_alias: bool = True
    response_model_exclude_unset: bool = False
    response_model_exclude_defaults: bool = False
    response_model_exclude_none: bool = False
    include_in_schema: bool = True
    response_class: Any = field(default_factory=lambda: Default(JSONResponse))
    dependency_overrides_provider: Any | None = None
    callbacks: list[BaseRoute] | None = None
    openapi_extra: dict[str, Any] | None = None
    generate_unique_id_function: Callable[[Any], str] | DefaultPlaceholder = field(
        default_factory=lambda: Default(generate_unique_id)
    )
    strict_content_type: bool | DefaultPlaceholder = field(default_factory=lambda: Default(True))
    max_body_size: int | None = None
    tags: list[str | Enum] = field(default_factory=list)
    responses: dict[int | str, dict[str, Any]] = field(default_factory=dict)
    name: str = ""
    path_regex: Any = None
    path_format: str = ""
    param_convertors: dict[str, Any] = field(default_factory=dict)
    methods: set[str] = field(default_factory=set)
    unique_id: str = ""
    status_code: int | None = None
    response_field: ModelField | None = None
    stream_item_field: ModelField | None = None
    dependencies: list[params.Depends] = field(default_factory=list)
    description: str = ""
    response_fields: dict[int | str, ModelField] = field(default_factory=dict)
    dependant: Dependant | None = None
    _embed_body_fields: bool = False
    body_field: ModelField | None = None
    is_sse_stream: bool = False
    is_json_stream: bool = False

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Starlette's `matches` for the effective path and methods (the prefixed
        route's own for a Starlette route): FULL, PARTIAL for another method, NONE;
        the child scope has `endpoint` and `path_params`."""
        if self.starlette_route is not None:
            return self.starlette_route.matches(scope)
        if scope["type"] != "http" or self.path_regex is None:
            return Match.NONE, {}
        found = self.path_regex.match(get_route_path(scope))
        if found is None:
            return Match.NONE, {}
        values = found.groupdict()
        for key, value in values.items():
            values[key] = self.param_convertors[key].convert(value)
        path_params = {**scope.get("path_params", {}), **values}
        child = {"endpoint": self.endpoint, "path_params": path_params}
        if self.methods and scope["method"] not in self.methods:
            return Match.PARTIAL, child
        return Match.FULL, child

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        """The effective URL path of this route; raises `NoMatchFound` for another
        name or other parameters."""
        if self.starlette_route is not None:
            return self.starlette_route.url_path_for(name, **path_params)
        if name != self.name or set(path_params) != set(self.param_convertors):
            raise NoMatchFound(name, path_params)
        path, _ = replace_params(self.path_format, self.param_convertors, path_params)
        return URLPath(path=path, protocol="http")


def _levels(placement: Placement, top: Any) -> list[Any]:
    """The settings holders above a route, innermost first: each inclusion, then
    the router that holds it."""
    found: list[Any] = []
    for index in range(len(placement.inclusions) - 1, -1, -1):
        node = placement.inclusions[index]
        found.append(node)
        found.append(placement.inclusions[index - 1].router if index else top)
    return found


def _api_route_context(
    served: EffectiveRoute, placement: Placement, top: Any
) -> _EffectiveRouteContext:
    from ..openapi._routes import operation_route  # the document's merge (imported late)
    from .views import body_field_of, dependant_of_plan, response_field_of

    original = served.original
    compiled = served.compiled
    view = operation_route(served, placement, top)
    levels = _levels(placement, top)
    classes = [getattr(level, "default_response_class", None) for level in levels]
    strict = [getattr(level, "strict_content_type", None) for level in levels]
    unique = [getattr(level, "generate_unique_id_function", None) for level in levels]
    settings = compiled.settings
    unique_id = view.unique_id if view is not None else original.unique_id
    dependant = dependant_of_plan(compiled.plan, served.path_format, scope="function")
    body_field, embed = body_field_of(dependant, unique_id)
    model, has_field = _response_type(settings)
    provider = original.dependency_overrides_provider
    context = _EffectiveRouteContext(
        original_route=original,
        app=served.handle,
        path=served.path,
        endpoint=original.endpoint,
        stream_item_type=getattr(original, "stream_item_type", None),
        response_model=original.response_model,
        summary=original.summary,
        response_description=original.response_description,
        deprecated=view.deprecated if view is not None else original.deprecated,
        operation_id=original.operation_id,
        response_model_include=original.response_model_include,
        response_model_exclude=original.response_model_exclude,
        response_model_by_alias=original.response_model_by_alias,
        response_model_exclude_unset=original.response_model_exclude_unset,
        response_model_exclude_defaults=original.response_model_exclude_defaults,
        response_model_exclude_none=original.response_model_exclude_none,
        include_in_schema=bool(view.include_in_schema if view is not None else True),
        response_class=get_value_or_default(original.response_class, *filter(None, classes)),
        dependency_overrides_provider=provider
        if provider is not None
        else getattr(top, "dependency_overrides_provider", None),
        callbacks=list(view.callbacks) if view is not None else [],
        openapi_extra=original.openapi_extra,
        generate_unique_id_function=get_value_or_default(
            original.generate_unique_id_function, *filter(None, unique)
        ),
        strict_content_type=get_value_or_default(
            original.strict_content_type, *(value for value in strict if value is not None)
        ),
        max_body_size=settings.max_body_size,
        tags=list(view.tags) if view is not None else list(original.tags),
        responses=dict(view.responses) if view is not None else dict(original.responses),
        name=original.name,
        path_regex=served.path_regex,
        path_format=served.path_format,
        param_convertors=dict(served.param_convertors),
        methods=set(original.methods),
        unique_id=unique_id,
        status_code=original.status_code,
        response_field=response_field_of(model, has_field, unique_id),
        dependencies=list(settings.dependencies),
        description=original.description or "",
        dependant=dependant,
        _embed_body_fields=embed,
        body_field=body_field,
        is_sse_stream=bool(getattr(original, "is_sse_stream", False)),
        is_json_stream=bool(getattr(original, "is_json_stream", False)),
    )
    return context


def effective_context(
    served: BaseRoute, placement: Placement, top: Any
) -> _EffectiveRouteContext | None:
    """The `_EffectiveRouteContext` of a served route (None at the top level);
    built once per served route."""
    if not placement.inclusions:
        return None
    if isinstance(served, EffectiveRoute):
        found = served.__dict__.get("_route_context")
        if found is None:
            found = served.__dict__["_route_context"] = _api_route_context(served, placement, top)
        return found
    return _EffectiveRouteContext(original_route=placement.original_route, starlette_route=served)


_inclusion.CONTEXT_VIEWS[:] = [effective_context]


@dataclass(frozen=True)
class RouteContext:
    """A route as served (FastAPI 0.165's `RouteContext`); unknown attributes are
    the effective route's (`matches`, `url_path_for`, `dependant`...)."""

    route: BaseRoute
    _route_context: _EffectiveRouteContext | None = field(default=None, repr=False)

    @property
    def original_route(self) -> BaseRoute:
        """The route object in its router's `routes`."""
        return self.route

    @property
    def _effective_route(self) -> BaseRoute | _EffectiveRouteContext:
        context = self._route_context
        if context is None:
            return self.route
        return context.starlette_route if context.starlette_route is not None else context

    @property
    def path(self) -> str | None:
        """The effective path template (include prefixes applied)."""
        return getattr(self._effective_route, "path", None)

    @property
    def path_format(self) -> str | None:
        return getattr(self._effective_route, "path_format", None)

    @property
    def name(self) -> str | None:
        return getattr(self._effective_route, "name", None)

    @property
    def methods(self) -> set[str] | None:
        return getattr(self._effective_route, "methods", None)

    @property
    def endpoint(self) -> Callable[..., Any] | None:
        return getattr(self._effective_route, "endpoint", None)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("route", "_route_context"):
            raise AttributeError(name)
        return getattr(self._effective_route, name)


def context_pairs(routes: Sequence[BaseRoute]) -> tuple[list[tuple[BaseRoute, Placement]], Any]:
    """(served route, placement) of every route reachable from `routes`, and the
    router serving them: `routes` is a router's own list (`app.routes`), served
    as that router serves it, or any list, flattened and compiled for the call."""
    owner = getattr(routes, "owner", None)
    router = owner() if owner is not None else None
    if router is not None and callable(getattr(router, "served_routes", None)):
        return list(router.served_routes()), router
    root = _Root(list(routes))
    return flatten(root, {}), root


def _route_context(served: BaseRoute, placement: Placement, top: Any) -> RouteContext:
    context = RouteContext(placement.original_route, effective_context(served, placement, top))
    object.__setattr__(context, "_served", served)
    object.__setattr__(context, "_placement", placement)
    return context


def iter_route_contexts(routes: Sequence[BaseRoute | RouteContext]) -> Iterator[RouteContext]:
    """The `RouteContext` of every route reachable from `routes` (e.g. `app.routes`),
    in declaration order, inclusions flattened; a `RouteContext` given is yielded
    as it is."""
    if not any(isinstance(route, RouteContext) for route in routes):
        pairs, top = context_pairs(routes)  # type: ignore[arg-type]
        for served, placement in pairs:
            yield _route_context(served, placement, top)
        return
    for route in routes:
        if isinstance(route, RouteContext):
            yield route
        else:
            yield from iter_route_contexts([route])


def _iter_routes_with_context(
    routes: Sequence[BaseRoute],
) -> Iterator[tuple[BaseRoute, _EffectiveRouteContext | None]]:
    """(original route, its `_EffectiveRouteContext` or None at the top level) of
    every route reachable from `routes`, in declaration order."""
    pairs, top = context_pairs(routes)
    for served, placement in pairs:
        yield placement.original_route, effective_context(served, placement, top)


def _get_scope_effective_route_context(scope: Scope) -> Any | None:
    """The `_EffectiveRouteContext` of the route serving `scope` when it is served
    under an inclusion, else None."""
    given = scope.get("fastapi")
    if isinstance(given, dict) and "effective_route_context" in given:
        return given["effective_route_context"]
    served = scope.get(EFFECTIVE)
    if not isinstance(served, EffectiveRoute) or served.placement is None:
        return None
    return effective_context(served, served.placement, served.top)
