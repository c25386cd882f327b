"""The telemetry middleware put first among the app's own middleware, when the app's
telemetry records anything (the middleware module is imported only then)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp

from ._config import resolve


def _has_contrib_middleware(app: Any) -> bool:
    return any(
        getattr(entry.cls, "__name__", "") == "OpenTelemetryMiddleware"
        for entry in app.user_middleware
    )


def telemetry_middleware_stack(app: Any, build: Callable[[], ASGIApp]) -> ASGIApp:
    """`build()` with the telemetry middleware first among the app's own, when the
    app's telemetry records anything (and no contrib OpenTelemetry middleware does)."""
    telemetry = resolve(app.telemetry)
    if telemetry is None or _has_contrib_middleware(app):
        return build()
    from starlette.middleware import Middleware

    from ._asgi import TelemetryMiddleware

    user_middleware = app.user_middleware
    app.user_middleware = [Middleware(TelemetryMiddleware, telemetry=telemetry), *user_middleware]
    try:
        return build()
    finally:
        app.user_middleware = user_middleware
