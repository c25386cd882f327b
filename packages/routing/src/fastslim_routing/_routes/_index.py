"""The route index: the routes worth trying for a request path, in declaration order.

A router that tries `index.candidates(route_path)` in turn, each with its own
`matches()`, dispatches exactly as Starlette's `for route in self.routes` does
(first full match wins, else the first partial match, for a 405), while the number
of routes it tries does not grow with the size of the table.

Each route is filed by its path template (`template_of(route)`):

- a template without parameters (`/items/latest`) matches one path only: it goes
  into a dict keyed by that path;
- a template with parameters matches only paths starting with its literal text
  up to the first parameter; that text cut after its last "/" (`/api/v1/items/`
  for `/api/v1/items/{id}`) is its prefix key;
- a route without a template (hosts, custom routes, mounts at the root) or
  whose first segment holds a parameter (`/{a}`, `/file-{name}.txt`,
  `/{p:path}`) must always be tried.

Every candidate tuple (per static path, per prefix key, and the default one) is
merged and sorted by declaration position when the index is built. A lookup is
one dict lookup for a static path, else one per trailing segment until the
longest prefix key of the path is found, and no merging.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from starlette.convertors import CONVERTOR_TYPES
from starlette.routing import PARAM_REGEX, BaseRoute, Mount, Route, WebSocketRoute

__all__ = ("RouteIndex", "TemplateOf", "default_template")

TemplateOf = Callable[[BaseRoute], str | None]
"""Gives a route's full path template in Starlette syntax, or None for "always try it"."""

_PATH_FLAGS = re.compile("").flags


def _starlette_pattern(template: str) -> str | None:
    """The regex source `starlette.routing.compile_path` builds for a path template."""
    pattern, end = "^", 0
    for param in PARAM_REGEX.finditer(template):
        name, kind = param.group(1), (param.group(2) or ":str")[1:]
        convertor = CONVERTOR_TYPES.get(kind)
        if convertor is None:
            return None
        pattern += re.escape(template[end : param.start()]) + f"(?P<{name}>{convertor.regex})"
        end = param.end()
    return pattern + re.escape(template[end:]) + "$"


def _compiled_from(template: str, regex: object) -> bool:
    """Whether `regex` is the one Starlette compiles from the path `template`."""
    return (
        template.startswith("/")
        and isinstance(regex, re.Pattern)
        and regex.flags == _PATH_FLAGS
        and regex.pattern == _starlette_pattern(template)
    )


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
    if not isinstance(template, str) or not _compiled_from(template, route.path_regex):
        return None
    return template


def _literal_prefix(template: str) -> str | None:
    """The text before the template's first parameter, or None if it has none."""
    first_param = PARAM_REGEX.search(template)
    return None if first_param is None else template[: first_param.start()]


def _slash_prefixes(path: str) -> Iterator[str]:
    """The prefixes of `path` that end with a "/" other than its first character."""
    end = path.find("/", 1)
    while end > 0:
        yield path[: end + 1]
        end = path.find("/", end + 1)


class RouteIndex:
    """Candidate routes for a path, in declaration order.

    `routes` is snapshotted when the index is built (rebuild it when the routes
    change); `template_of(route)` gives a route's full path template in Starlette
    syntax, or None for a route that must always be tried.
    """

    __slots__ = ("_default", "_exact", "_longest", "_prefixed", "_routes")

    def __init__(
        self,
        routes: Sequence[BaseRoute],
        template_of: TemplateOf = default_template,
    ) -> None:
        self._routes = tuple(routes)
        always: list[int] = []
        statics: dict[str, list[int]] = {}
        by_prefix: dict[str, list[int]] = {}  # "/api/v1/": routes needing that prefix
        for position, route in enumerate(self._routes):
            template = template_of(route)
            prefix = None if template is None else _literal_prefix(template)
            if template is None:
                always.append(position)
            elif prefix is None:
                statics.setdefault(template, []).append(position)
            elif prefix.startswith("/") and (cut := prefix.rfind("/")) > 0:
                by_prefix.setdefault(prefix[: cut + 1], []).append(position)
            else:
                always.append(position)

        def positions_for(path: str, own: list[int]) -> tuple[BaseRoute, ...]:
            merged = always + own
            for prefix in _slash_prefixes(path) if path.startswith("/") else ():
                merged += by_prefix.get(prefix, ())
            return tuple(self._routes[position] for position in sorted(merged))

        self._default = positions_for("", [])
        self._prefixed = {prefix: positions_for(prefix, []) for prefix in by_prefix}
        self._longest = max(map(len, by_prefix), default=0)
        self._exact = {path: positions_for(path, own) for path, own in statics.items()}

    @property
    def routes(self) -> tuple[BaseRoute, ...]:
        """The routes the index was built from, in declaration order."""
        return self._routes

    def candidates(self, route_path: str) -> tuple[BaseRoute, ...]:
        """The routes that may match `route_path` (as `get_route_path(scope)` gives it).

        A superset of the routes whose `matches()` returns FULL or PARTIAL for any
        scope with that path, in declaration order. Cost: one dict lookup of the
        whole path, then at most one per segment of the longest route prefix (a long
        request path costs no more): it does not depend on the number of routes.
        """
        if route_path.endswith("\n"):
            # Starlette's `$` also matches before a final newline (`%0A`): rare, try all.
            return self._routes
        found = self._exact.get(route_path)
        if found is not None:
            return found
        # The longest prefix ending with "/" that some route needs, if any.
        prefixed = self._prefixed
        end = route_path.rfind("/", 0, self._longest)
        while end > 0:
            found = prefixed.get(route_path[: end + 1])
            if found is not None:
                return found
            end = route_path.rfind("/", 0, end)
        return self._default
