"""`IncludedRouter`: one `include_router` call, a node in the including router's
`routes` (FastAPI 0.137+'s model; `_effective` flattens them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, Protocol

from starlette.datastructures import URLPath
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send

from fastslim_di import Depends

from .._compile._limits import check_form_limits, check_max_body_size
from ..exceptions import FastAPIError


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

    @property
    def original_router(self) -> RouterNode:
        """The included router (FastAPI's `_IncludedRouter.original_router`)."""
        return self.router

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        return Match.NONE, {}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise FastAPIError("An included router is served by the router that includes it.")

    def __repr__(self) -> str:
        return f"IncludedRouter(prefix={self.prefix!r}, router={self.router!r})"
