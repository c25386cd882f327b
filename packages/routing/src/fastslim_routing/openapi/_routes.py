"""The path operations a document describes, with their inclusions' settings merged.

An `APIRoute` under `include_router` inclusions gets, for the document, what
FastAPI gives a route copied through those inclusions: the tags, responses and
callbacks of every level (outermost first, the route's own last), deprecated
when any level is, hidden when any level hides it, and its operation id
generated from the full path by the innermost `generate_unique_id_function` set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from starlette.routing import BaseRoute, compile_path

from .._routes._effective import EffectiveRoute, Placement
from .._routes._route import APIRoute
from .._serve._compiled import CompiledRoute
from ..datastructures import DefaultPlaceholder


class OperationRoute:
    """What the document reads of one served path operation (an `APIRoute`'s
    attributes, effective under its inclusions). Unknown attributes are the
    original route's, so a custom `generate_unique_id_function` sees a route."""

    def __init__(
        self, original: APIRoute, compiled: CompiledRoute, path: str | None = None
    ) -> None:
        self.original = original
        self.compiled = compiled
        self.path = path or compiled.settings.path
        self.path_format = (
            compile_path(self.path)[1] if self.path != original.path else (original.path_format)
        )
        self.tags: list[Any] = list(original.tags)
        self.responses: dict[int | str, dict[str, Any]] = dict(original.responses)
        self.callbacks: list[Any] = list(original.callbacks or [])
        self.deprecated = original.deprecated
        self.include_in_schema = original.include_in_schema
        self.unique_id = original.unique_id
        self.methods: set[str] = original.methods

    def __getattr__(self, name: str) -> Any:
        return getattr(self.original, name)


def _levels(top: Any, context: Placement) -> Iterator[Any]:
    """The routers and inclusions above a route whose settings it does not hold yet."""
    yield top
    last = len(context.inclusions) - 1
    for index, node in enumerate(context.inclusions):
        yield node
        if index < last:
            yield node.router


def _unique_id_function(route: APIRoute, top: Any, context: Placement) -> Callable[..., str]:
    candidates = [route.generate_unique_id_function]
    for index in range(len(context.inclusions) - 1, -1, -1):
        node = context.inclusions[index]
        candidates.append(node.generate_unique_id_function)
        above: Any = context.inclusions[index - 1].router if index else top
        candidates.append(above.generate_unique_id_function)
    for candidate in candidates:
        if not isinstance(candidate, DefaultPlaceholder):
            return candidate
    first = candidates[0]
    return first.value if isinstance(first, DefaultPlaceholder) else first


def operation_route(served: BaseRoute, context: Placement, top: Any) -> OperationRoute | None:
    """The document's view of a served route, or None for anything not a path operation."""
    original = context.original_route
    if not isinstance(original, APIRoute):
        return None
    compiled = served.compiled if isinstance(served, EffectiveRoute | APIRoute) else None
    if compiled is None:
        return None
    if served is original:  # not under an inclusion: an edited route.dependant counts
        compiled = original._documented()
    view = OperationRoute(original, compiled, context.path)
    if not context.inclusions:
        return view
    tags: list[Any] = []
    responses: dict[int | str, dict[str, Any]] = {}
    callbacks: list[Any] = []
    for level in _levels(top, context):
        tags.extend(getattr(level, "tags", None) or [])
        responses.update(getattr(level, "responses", None) or {})
        callbacks.extend(getattr(level, "callbacks", None) or [])
        view.deprecated = view.deprecated or getattr(level, "deprecated", None)
        view.include_in_schema = view.include_in_schema and getattr(
            level, "include_in_schema", True
        )
    view.tags = [*tags, *view.tags]
    view.responses = {**responses, **view.responses}
    view.callbacks = [*callbacks, *view.callbacks]
    if original.operation_id is None:
        # FastAPI's included route rebuilds the set (the method named in the id is the
        # first this set yields).
        view.methods = {method.upper() for method in original.methods}
        view.unique_id = _unique_id_function(original, top, context)(view)
    return view


def operation_routes(
    pairs: Iterable[tuple[BaseRoute, Placement]], top: Any
) -> list[OperationRoute]:
    """The path operations of `pairs` (served route, context) shown in the document."""
    found = []
    for served, context in pairs:
        view = operation_route(served, context, top)
        if view is not None and view.include_in_schema:
            found.append(view)
    return found
