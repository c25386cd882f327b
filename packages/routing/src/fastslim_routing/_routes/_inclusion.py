"""`IncludedRouter`: one `include_router` call, a node in the including router's
`routes` (FastAPI 0.137+'s model; `_effective` flattens them)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

from starlette.datastructures import URLPath
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send

from fastslim_di import Depends

from .._compile._limits import check_form_limits, check_max_body_size
from ..datastructures import Default, DefaultPlaceholder
from ..exceptions import FastAPIError
from ..utils import generate_unique_id

ContextView = Callable[[BaseRoute, Any, Any], Any]
"""(served route, its placement, the router serving it) -> FastAPI's
`_EffectiveRouteContext` view; installed by `fastslim_routing._internals.contexts`
(the views room), which this room may not import."""
CONTEXT_VIEWS: list[ContextView] = []


class RouterNode(Protocol):
    """What flattening reads of a router (an `APIRouter`, or the bare root of a route
    list): its routes and the settings it passes to them."""

    @property
    def routes(self) -> list[BaseRoute]: ...
    @property
    def prefix(self) -> str: ...
    @property
    def dependencies(self) -> Sequence[Depends]: ...
    @property
    def default_response_class(self) -> Any: ...
    @property
    def strict_content_type(self) -> Any: ...
    @property
    def max_body_size(self) -> int | None: ...
    @property
    def form_limits(self) -> Mapping[str, int]: ...


@dataclass
class RouterIncludeContext:
    """FastAPI's `_RouterIncludeContext`: what one `include_router` call adds (a view
    of the `IncludedRouter`'s settings and the including router's)."""

    included_router: Any
    prefix: str = ""
    tags: list[str | Enum] = field(default_factory=list)
    dependencies: list[Depends] = field(default_factory=list)
    default_response_class: Any = field(default_factory=lambda: Default(JSONResponse))
    responses: dict[int | str, dict[str, Any]] = field(default_factory=dict)
    callbacks: list[BaseRoute] = field(default_factory=list)
    deprecated: bool | None = None
    include_in_schema: bool = True
    generate_unique_id_function: Callable[[Any], str] | DefaultPlaceholder = field(
        default_factory=lambda: Default(generate_unique_id)
    )
    strict_content_type: bool | DefaultPlaceholder = field(default_factory=lambda: Default(True))
    dependency_overrides_provider: Any | None = None
    max_body_size: int | None = None
    form_limits: Mapping[str, int] = field(default_factory=dict)


class IncludedRouter(BaseRoute):
    """One inclusion of a router (`include_router`): the router and the settings
    the inclusion adds. Never matches on its own; the including router serves
    the routes below it."""

    def __init__(self, router: RouterNode, prefix: str, **settings: Any) -> None:
        self.router = router
        self.prefix = prefix
        self.tags: list[str | Enum] = list(settings.pop("tags", None) or [])
        self.dependencies: list[Depends] = list(settings.pop("dependencies", None) or [])
        self.default_response_class = settings.pop("default_response_class")
        self.responses = dict(settings.pop("responses", None) or {})
        self.callbacks = settings.pop("callbacks", None)
        self.deprecated = settings.pop("deprecated", None)
        self.include_in_schema = settings.pop("include_in_schema", True)
        self.generate_unique_id_function = settings.pop("generate_unique_id_function")
        self.max_body_size = check_max_body_size(settings.pop("max_body_size", None))
        self.form_limits = check_form_limits(settings.pop("form_limits", None))
        self._parent: Callable[[], Any] | None = None

    def included_by(self, parent: RouterNode) -> None:
        """Record the router whose `routes` hold this node (it serves the routes below)."""
        self._parent = weakref.ref(parent)

    @property
    def original_router(self) -> RouterNode:
        """The included router (FastAPI's `_IncludedRouter.original_router`)."""
        return self.router

    @property
    def include_context(self) -> RouterIncludeContext:
        """FastAPI's `include_context`: this inclusion's settings (built once)."""
        found = self.__dict__.get("_include_context")
        if found is None:
            parent = self._parent() if self._parent is not None else None
            found = self.__dict__["_include_context"] = RouterIncludeContext(
                included_router=self.router,
                prefix=getattr(parent, "prefix", "") + self.prefix,
                tags=self.tags,
                dependencies=self.dependencies,
                default_response_class=self.default_response_class,
                responses=self.responses,
                callbacks=list(self.callbacks or []),
                deprecated=self.deprecated,
                include_in_schema=self.include_in_schema,
                generate_unique_id_function=self.generate_unique_id_function,
                strict_content_type=getattr(parent, "strict_content_type", Default(True)),
                dependency_overrides_provider=getattr(
                    parent, "dependency_overrides_provider", None
                ),
                max_body_size=self.max_body_size,
                form_limits=self.form_limits,
            )
        return found

    def _served(self) -> tuple[list[tuple[BaseRoute, Any]], Any]:
        """The routes served below this inclusion (as the including router serves them,
        with their placements), and that router."""
        parent = self._parent() if self._parent is not None else None
        served = getattr(parent, "served_routes", None)
        if served is None:
            return [], parent
        return [pair for pair in served() if pair[1].inclusions[:1] == (self,)], parent

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """FULL when a route below this inclusion fully matches `scope`, PARTIAL when
        one matches but for the method, else NONE; the child scope is empty (the
        including router serves the request), as FastAPI's."""
        partial = False
        for route, _ in self._served()[0]:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return Match.FULL, {}
            partial = partial or match is Match.PARTIAL
        return (Match.PARTIAL if partial else Match.NONE), {}

    def effective_route_contexts(self) -> Iterator[Any]:
        """FastAPI's `_EffectiveRouteContext` of every route below this inclusion, in
        declaration order (full paths, the inclusions' settings merged)."""
        pairs, parent = self._served()
        for route, placement in pairs:
            yield CONTEXT_VIEWS[0](route, placement, parent)

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve the route below this inclusion that matches `scope` (fully, else
        for another method), as FastAPI's does for code that dispatches over a
        router's `routes` itself (cadwyn); the including router never calls it."""
        partial: tuple[BaseRoute, Scope] | None = None
        for route, _ in self._served()[0]:
            match, child = route.matches(scope)
            if match is Match.FULL:
                partial = (route, child)
                break
            if match is Match.PARTIAL and partial is None:
                partial = (route, child)
        if partial is None:
            raise FastAPIError(
                "The request matches no route below this included router; serve it "
                "with the router that includes it."
            )
        route, child = partial
        scope["route"] = getattr(route, "original", route)
        scope.update(child)
        await route.handle(scope, receive, send)

    def __repr__(self) -> str:
        return f"IncludedRouter(prefix={self.prefix!r}, router={self.router!r})"
