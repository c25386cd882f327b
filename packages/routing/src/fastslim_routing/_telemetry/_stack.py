"""The telemetry middleware around the app's middleware stack, when the app's telemetry
records anything (the middleware module is imported only then)."""

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


def outside_contrib(stack: ASGIApp) -> ASGIApp:
    """`stack` (an app's built middleware stack); when OpenTelemetry's contrib ASGI
    middleware wraps the app's own telemetry middleware in it (as
    `FastAPIInstrumentor.instrument_app` does), that middleware records the
    requests and the app's own passes them through, as FastAPI 0.165's telemetry
    steps aside."""
    contrib = False
    current: Any = stack
    for _ in range(64):  # the wrappers down to the router: error, user, exception
        if current is None:
            break
        name = type(current).__name__
        if name == "OpenTelemetryMiddleware":
            contrib = True
        elif name == "TelemetryMiddleware" and contrib:
            from ._asgi import TelemetryMiddleware

            if isinstance(current, TelemetryMiddleware):
                current.passthrough = True
            break
        current = getattr(current, "app", None)
    return stack


def telemetry_middleware_stack(app: Any, build: Callable[[], ASGIApp]) -> ASGIApp:
    """`build()` inside the telemetry middleware, when the app's telemetry records
    anything (and no contrib OpenTelemetry middleware does)."""
    telemetry = resolve(app.telemetry)
    if telemetry is None or _has_contrib_middleware(app):
        return build()
    from ._asgi import TelemetryMiddleware

    # Outside Starlette's ServerErrorMiddleware: a 500 handler runs in the request's
    # span and context, and the span still sees the exception re-raised after it.
    return TelemetryMiddleware(build(), telemetry=telemetry)
