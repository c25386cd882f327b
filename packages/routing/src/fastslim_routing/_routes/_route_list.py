"""`RouteList`: a router's `routes`, counting changes so served routes stay live.

Every change to any router's `routes` (through its methods, or by editing the
list directly, as Starlette apps do) bumps one global generation; a router that
serves requests re-flattens its tree when the generation moved. Reading the
counter is the only per-request cost.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, SupportsIndex

from starlette.routing import BaseRoute

_generation = [0]
GENERATION = _generation
"""The one-item list holding the generation: what the request path reads (no call)."""


def generation() -> int:
    """The number of route changes so far, in every router."""
    return _generation[0]


def bump() -> None:
    """Record a change made outside a `RouteList` (e.g. a router's settings)."""
    _generation[0] += 1


class RouteList(list[BaseRoute]):
    """A list of routes that records each change."""

    owner: Any = None
    """A weak reference to the router whose `routes` this is (get_openapi reads it)."""

    def append(self, route: BaseRoute) -> None:
        super().append(route)
        bump()

    def extend(self, routes: Iterable[BaseRoute]) -> None:
        super().extend(routes)
        bump()

    def insert(self, index: SupportsIndex, route: BaseRoute) -> None:
        super().insert(index, route)
        bump()

    def remove(self, route: BaseRoute) -> None:
        super().remove(route)
        bump()

    def pop(self, index: SupportsIndex = -1) -> BaseRoute:
        route = super().pop(index)
        bump()
        return route

    def clear(self) -> None:
        super().clear()
        bump()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        super().sort(*args, **kwargs)
        bump()

    def reverse(self) -> None:
        super().reverse()
        bump()

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        bump()

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        bump()

    def __iadd__(self, routes: Iterable[BaseRoute]) -> RouteList:  # type: ignore[override,misc]
        super().__iadd__(routes)
        bump()
        return self
