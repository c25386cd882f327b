"""The telemetry of one request or connection, kept in its ASGI scope under
`TELEMETRY` by the telemetry middleware; the route handlers read it."""

from __future__ import annotations

from starlette.types import Scope

from ._config import Telemetry

TELEMETRY = "fastslim.telemetry"
"""ASGI scope key: the telemetry of a request observed by the app's telemetry middleware
(absent when telemetry is off: then nothing else is looked up)."""


class RequestTelemetry:
    """The telemetry of one request or connection, in its ASGI scope.

    `route` is the path template that served it, mount prefixes included (set by
    the route's handler, or guessed from `scope["route"]` at the end).
    """

    __slots__ = ("root_path", "route", "telemetry")

    def __init__(self, telemetry: Telemetry, scope: Scope) -> None:
        self.telemetry = telemetry
        self.root_path = str(scope.get("root_path", ""))
        self.route: str | None = None

    def template(self, scope: Scope, path: str) -> str:
        """`path` with the prefixes of the mounts between the app and `scope`."""
        return str(scope.get("root_path", ""))[len(self.root_path) :] + path

    def guess_route(self, scope: Scope) -> str | None:
        if self.route is None:
            path = getattr(scope.get("route"), "path", None)
            if isinstance(path, str):
                self.route = self.template(scope, path)
        return self.route
