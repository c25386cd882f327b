"""The telemetry middleware around the app's middleware stack, when the app's telemetry
records anything (the middleware module is imported only then)."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp

from ._config import resolve


def _has_contrib_middleware(app: Any) -> bool:
    return any(
        getattr(entry.cls, "__name__", "") == "OpenTelemetryMiddleware"
        for entry in app.user_middleware
    )


def _wraps_contrib(stack: ASGIApp) -> bool:
    """Whether OpenTelemetry's contrib ASGI middleware is in the chain of `stack`."""
    current: Any = stack
    for _ in range(64):  # the wrappers down to the router: error, user, exception
        if current is None:
            return False
        if type(current).__name__ == "OpenTelemetryMiddleware":
            return True
        current = getattr(current, "app", None)
    return False


def telemetry_middleware_stack(app: Any, stack: ASGIApp) -> ASGIApp:
    """`stack` (the app's built middleware stack, Starlette's `ServerErrorMiddleware`
    first) inside the telemetry middleware, when the app's telemetry records
    anything: outside `ServerErrorMiddleware`, a 500 handler runs in the request's
    span and context, and the span still sees the exception re-raised after it.

    Not when OpenTelemetry's contrib middleware is in the stack (added with
    `add_middleware`, or wrapping the built stack as `FastAPIInstrumentor` does, which
    is why `build_middleware_stack()` itself returns Starlette's stack): it records
    the requests then, as FastAPI 0.165's telemetry steps aside."""
    telemetry = resolve(app.telemetry)
    if telemetry is None or _has_contrib_middleware(app) or _wraps_contrib(stack):
        return stack
    from ._asgi import TelemetryMiddleware

    return TelemetryMiddleware(stack, telemetry=telemetry)
