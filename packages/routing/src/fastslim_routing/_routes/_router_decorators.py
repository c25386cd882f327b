"""The path-operation API shared by `APIRouter` and `FastAPI`: `add_api_route`,
`api_route`, `get`/`put`/`post`/`delete`/`options`/`head`/`patch`/`trace`,
`add_route`, `on_event`/`add_event_handler`.

`add_api_route` merges the router's own settings (prefix, tags, dependencies,
responses, response class, content-type strictness...) into the route it
creates, as FastAPI does; inclusions add theirs when the route is served.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.routing import Route

from ..utils import get_value_or_default

if TYPE_CHECKING:
    from ._route import APIRoute

DecoratedCallable = TypeVar("DecoratedCallable", bound=Callable[..., Any])

# FastAPI's text, to the character (tests match on it).
_ON_EVENT_DEPRECATED = """
        on_event is deprecated, use lifespan event handlers instead.

        Read more about it in the
        [FastAPI docs for Lifespan Events](https://fastapi.tiangolo.com/advanced/events/).
        """

_HTTP_METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")


class RouterDecorators:
    """Mixin of `APIRouter`: declaring path operations."""

    prefix: str
    tags: list[Any]
    dependencies: list[Any]
    responses: dict[int | str, dict[str, Any]]
    callbacks: list[Any]
    deprecated: bool | None
    include_in_schema: bool
    default_response_class: Any
    generate_unique_id_function: Any
    strict_content_type: Any
    max_body_size: int | None
    route_class: type[APIRoute]
    routes: list[Any]
    on_startup: list[Callable[[], Any]]
    on_shutdown: list[Callable[[], Any]]

    def add_api_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        *,
        route_class_override: type[APIRoute] | None = None,
        **options: Any,
    ) -> None:
        """Declare a path operation (every FastAPI path-operation argument in `options`)."""
        route_class = route_class_override or self.route_class
        options["tags"] = [*self.tags, *(options.get("tags") or [])]
        options["dependencies"] = [*self.dependencies, *(options.get("dependencies") or [])]
        options["responses"] = {**self.responses, **(options.get("responses") or {})}
        options["callbacks"] = [*self.callbacks, *(options.get("callbacks") or [])] or None
        if options.get("deprecated") is None:
            options["deprecated"] = self.deprecated
        options["include_in_schema"] = options.get("include_in_schema", True) and (
            self.include_in_schema
        )
        # A route's own setting wins over its router's (placeholders: neither set).
        for key, router_value in (
            ("response_class", self.default_response_class),
            ("generate_unique_id_function", self.generate_unique_id_function),
            ("strict_content_type", self.strict_content_type),
        ):
            options[key] = get_value_or_default(options.get(key, router_value), router_value)
        if options.get("max_body_size") is None:
            options["max_body_size"] = self.max_body_size
        self.routes.append(route_class(self.prefix + path, endpoint, **options))

    def api_route(
        self, path: str, *, methods: Sequence[str] | None = None, **options: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.api_route(path, methods=[...], ...)`."""

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_api_route(path, func, methods=methods, **options)
            return func

        return decorator

    def _method(self, method: str, path: str, **options: Any) -> Any:
        return self.api_route(path, methods=[method], **options)

    def get(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.get(path, ...)`: a GET path operation."""
        return self._method("GET", path, **options)  # type: ignore[no-any-return]

    def put(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.put(path, ...)`."""
        return self._method("PUT", path, **options)  # type: ignore[no-any-return]

    def post(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.post(path, ...)`."""
        return self._method("POST", path, **options)  # type: ignore[no-any-return]

    def delete(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.delete(path, ...)`."""
        return self._method("DELETE", path, **options)  # type: ignore[no-any-return]

    def options(
        self, path: str, **options: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.options(path, ...)`."""
        return self._method("OPTIONS", path, **options)  # type: ignore[no-any-return]

    def head(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.head(path, ...)`."""
        return self._method("HEAD", path, **options)  # type: ignore[no-any-return]

    def patch(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.patch(path, ...)`."""
        return self._method("PATCH", path, **options)  # type: ignore[no-any-return]

    def trace(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.trace(path, ...)`."""
        return self._method("TRACE", path, **options)  # type: ignore[no-any-return]

    def add_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        methods: Sequence[str] | None = None,
        name: str | None = None,
        include_in_schema: bool = True,
    ) -> None:
        """A plain Starlette route (`endpoint(request) -> response`) at `path` as given:
        as Starlette's and FastAPI's, the router's `prefix` is not applied (only
        inclusions' prefixes are)."""
        self.routes.append(
            Route(
                path,
                endpoint,
                methods=methods,
                name=name,
                include_in_schema=include_in_schema,
            )
        )

    def route(
        self,
        path: str,
        methods: Sequence[str] | None = None,
        name: str | None = None,
        include_in_schema: bool = True,
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.route(path)`: a plain Starlette route."""

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_route(path, func, methods, name, include_in_schema)
            return func

        return decorator

    def add_event_handler(self, event_type: str, func: Callable[[], Any]) -> None:
        """Run `func` at "startup" or "shutdown" (when the router has no `lifespan=`)."""
        if event_type == "startup":
            self.on_startup.append(func)
        elif event_type == "shutdown":
            self.on_shutdown.append(func)
        else:
            raise ValueError(
                f"Unknown event type {event_type!r}; expected 'startup' or 'shutdown'."
            )

    def on_event(self, event_type: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Deprecated (as in FastAPI): use lifespan event handlers instead."""
        warnings.warn(_ON_EVENT_DEPRECATED, DeprecationWarning, stacklevel=2)

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_event_handler(event_type, func)
            return func

        return decorator
