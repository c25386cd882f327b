"""The route index: the routes worth trying for a request path, in declaration order.

A router that tries `index.candidates(route_path)` in turn, each with its own
`matches()`, dispatches exactly as Starlette's `for route in self.routes` does
(first full match wins, else the first partial match, for a 405), while the number
of routes it tries does not grow with the size of the table.

Each route is filed by its path template (`template_of(route)`):

- a template without parameters (`/items/latest`) matches one path only: it goes
  into a dict keyed by that path;
- a template with parameters matches only paths starting with its literal text
  up to the first parameter; the complete segments of that text (`/api/v1/` in
  `/api/v1/items/{id}`) place it at a node of a segment trie;
- a route without a template (hosts, custom routes, mounts at the root) or
  whose first segment holds a parameter (`/{a}`, `/file-{name}.txt`,
  `/{p:path}`) must always be tried.

Every candidate tuple (per static path, per trie node, and the default one) is
merged and sorted by declaration position when the index is built, so a lookup
is one dict lookup or a walk of the path's segments, and no merging.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from starlette.routing import PARAM_REGEX, BaseRoute, Mount, Route, WebSocketRoute, compile_path

__all__ = ("RouteIndex", "TemplateOf", "default_template")

TemplateOf = Callable[[BaseRoute], str | None]
"""Gives a route's full path template in Starlette syntax, or None for "always try it"."""


@functools.lru_cache(maxsize=8192)
def _compiled(template: str) -> tuple[str, int] | None:
    """The (pattern, flags) Starlette compiles `template` to, or None if it cannot."""
    try:
        regex = compile_path(template)[0]
    except (AssertionError, ValueError, re.error):
        return None
    return regex.pattern, regex.flags


def _same_regex(template: str, regex: object) -> bool:
    if not isinstance(regex, re.Pattern):
        return False
    return _compiled(template) == (regex.pattern, regex.flags)


def default_template(route: BaseRoute) -> str | None:
    """The path template of a Starlette route, or None when it must always be tried.

    - `Route`/`WebSocketRoute` (and subclasses): `route.path` (`/items/{item_id:int}`),
      provided its `path_regex` is the one Starlette compiles from that path;
    - `Mount` at `/static`: `/static/{path:path}`, i.e. every path below `/static/`
      (the redirect of `/static` looks up `/static/`); a Mount at `""` or `"/"`: None;
    - anything else (`Host`, custom `BaseRoute` subclasses): None.

    A route subclass whose `matches()` accepts paths its template does not must be
    given a `template_of` that returns None for it.
    """
    if isinstance(route, Mount):
        if not route.path:
            return None
        template = route.path + "/{path:path}"
    elif isinstance(route, Route | WebSocketRoute):
        template = route.path
    else:
        return None
    if not isinstance(template, str) or not _same_regex(template, route.path_regex):
        return None
    return template


class _Node:
    """A trie node: the routes whose literal prefix ends with this node's segments."""

    __slots__ = ("candidates", "children", "own", "positions")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.own: list[int] = []
        self.positions: list[int] = []
        self.candidates: tuple[BaseRoute, ...] = ()


def _static_segments(template: str) -> tuple[bool, list[str] | None]:
    """(is the template free of parameters, the complete segments of its literal prefix).

    The segments are None when the literal prefix does not start with "/" (the
    route is then always tried): `/api/v1/items/{id}` -> `["api", "v1", "items"]`,
    `/file-{name}.txt` -> `[]`, `/{p:path}` -> `[]`.
    """
    first_param = PARAM_REGEX.search(template)
    if first_param is None:
        return True, None
    prefix = template[: first_param.start()]
    if not prefix.startswith("/"):
        return False, None
    return False, prefix.split("/")[1:-1]


class RouteIndex:
    """Candidate routes for a path, in declaration order.

    `routes` is snapshotted when the index is built (rebuild it when the routes
    change); `template_of(route)` gives a route's full path template in Starlette
    syntax, or None for a route that must always be tried.
    """

    __slots__ = ("_default", "_exact", "_root", "_routes")

    def __init__(
        self,
        routes: Sequence[BaseRoute],
        template_of: TemplateOf = default_template,
    ) -> None:
        self._routes = tuple(routes)
        self._root = _Node()
        statics: dict[str, list[int]] = {}
        for position, route in enumerate(self._routes):
            template = template_of(route)
            if template is None:
                self._root.own.append(position)
                continue
            is_static, segments = _static_segments(template)
            if is_static:
                statics.setdefault(template, []).append(position)
            else:
                self._node_for(segments or []).own.append(position)
        self._finish(self._root, [])
        self._default = self._root.candidates
        self._exact = {
            path: self._pick(sorted(positions + self._walk(path).positions))
            for path, positions in statics.items()
        }
        self._drop_positions(self._root)

    @property
    def routes(self) -> tuple[BaseRoute, ...]:
        """The routes the index was built from, in declaration order."""
        return self._routes

    def candidates(self, route_path: str) -> tuple[BaseRoute, ...]:
        """The routes that may match `route_path` (as `get_route_path(scope)` gives it).

        A superset of the routes whose `matches()` returns FULL or PARTIAL for any
        scope with that path, in declaration order. Cost: a dict lookup, or a walk
        of the path's segments; it does not depend on the number of routes.
        """
        if route_path.endswith("\n"):
            # Starlette's `$` also matches before a final newline (`%0A`): rare, try all.
            return self._routes
        found = self._exact.get(route_path)
        if found is not None:
            return found
        return self._walk(route_path).candidates

    def _walk(self, route_path: str) -> _Node:
        """The deepest node whose segments (each followed by "/") start `route_path`."""
        node = self._root
        if not route_path.startswith("/"):
            return node
        children = node.children
        for segment in route_path.split("/")[1:-1]:
            child = children.get(segment)
            if child is None:
                break
            node = child
            children = child.children
        return node

    def _node_for(self, segments: list[str]) -> _Node:
        node = self._root
        for segment in segments:
            node = node.children.setdefault(segment, _Node())
        return node

    def _finish(self, node: _Node, inherited: list[int]) -> None:
        node.positions = sorted(inherited + node.own)
        node.candidates = self._pick(node.positions)
        for child in node.children.values():
            self._finish(child, node.positions)

    def _pick(self, positions: list[int]) -> tuple[BaseRoute, ...]:
        routes = self._routes
        return tuple(routes[position] for position in positions)

    def _drop_positions(self, node: _Node) -> None:
        node.own = node.positions = []
        for child in node.children.values():
            self._drop_positions(child)
