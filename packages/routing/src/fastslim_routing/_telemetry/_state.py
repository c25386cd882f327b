"""The telemetry of one request or connection, kept in its ASGI scope under
`TELEMETRY` by the telemetry middleware; the route handlers read it."""

from __future__ import annotations

from typing import Any

from starlette.routing import Match, Mount
from starlette.types import Scope

from ._config import Telemetry

TELEMETRY = "fastslim.telemetry"
"""ASGI scope key: the telemetry of a request observed by the app's telemetry middleware
(absent when telemetry is off: then nothing else is looked up)."""


def _mounts(app: Any, path: str) -> tuple[str, bool]:
    """The templates of the mounts serving `path` from `app` down, as FastAPI names
    them: a fastslim app's mounts (include prefixes too) are followed into the next
    fastslim app; a mounted plain Starlette app ends the walk (its own mounts are not
    named, as in FastAPI). Returns (the joined templates, whether the walk ended in a
    plain Starlette app)."""
    prefix = ""
    while True:
        served = getattr(getattr(app, "router", None), "served_routes", None)
        if served is None:
            return prefix, bool(prefix)
        for route, _ in served():
            if not isinstance(route, Mount):
                continue
            match, child = route.matches({"type": "http", "path": path, "root_path": ""})
            if match is Match.FULL:
                prefix += route.path
                path = path[len(child["root_path"]) :]
                app = route.app
                break
        else:
            return prefix, False


class RequestTelemetry:
    """The telemetry of one request or connection, in its ASGI scope.

    `route` is the path template that served it: the app's root path, the templates
    of the mounts it went through (`/tenants/{tenant}`), then the route's own (set by
    the route's handler, or guessed from `scope["route"]` at the end).
    """

    __slots__ = ("app", "frontend", "root_path", "route", "telemetry")

    def __init__(self, telemetry: Telemetry, scope: Scope) -> None:
        self.telemetry = telemetry
        self.root_path = str(scope.get("root_path", ""))
        self.app = scope.get("app")
        self.route: str | None = None
        self.frontend = False
        """Served by a `frontend()`: named after it, without operation spans."""

    def serve_frontend(self, scope: Scope, prefix: str) -> None:
        """A `frontend()` at `prefix` serves the request: its span is named
        `<prefix>/{path}` and has no operation spans, as FastAPI's."""
        self.route = self.template(scope, prefix.rstrip("/") + "/{path}")
        self.frontend = True

    def _prefix(self, scope: Scope) -> tuple[str, bool]:
        mounted = str(scope.get("root_path", ""))[len(self.root_path) :]
        if not mounted:
            return self.root_path, False
        path = str(scope.get("path", ""))
        if path.startswith(self.root_path):
            path = path[len(self.root_path) :]
        templates, plain = _mounts(self.app, path)
        return self.root_path + (templates or mounted), plain

    def template(self, scope: Scope, path: str) -> str:
        """`path` (a route's template) with the root path and the mounts before it."""
        return self._prefix(scope)[0] + path

    def guess_route(self, scope: Scope) -> str | None:
        if self.route is None:
            path = getattr(scope.get("route"), "path", None)
            if isinstance(path, str):
                prefix, plain = self._prefix(scope)
                # A route of a mounted plain Starlette app: FastAPI names the mount.
                self.route = prefix + ("/{path}" if plain else path)
        return self.route
