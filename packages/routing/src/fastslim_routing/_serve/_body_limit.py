"""Enforcing `max_body_size` (FASTAPI-FACTS section 12), on the app and on path operations.

Built on Starlette's `RequestBodyLimitMiddleware`, as FastAPI's limits are: the
outermost limit of a request (the app's, just inside the server-error
middleware, or else the first route-level one) wraps `receive` and counts the
bytes; a limit met further in (a route under an app, a mounted app) replaces
the one in force, so the most specific setting wins. Past the limit, `receive`
raises a 413 `HTTPException` (handled into `{"detail":"Content Too Large"}`),
and when the request's Content-Length already exceeds it, whatever response
starts is replaced by a plain-text 413 `Content Too Large`. The body is never
read past the limit.

Beyond Starlette: the limit's exception still gives the plain-text 413 when it
comes out of a task group, wrapped in an `ExceptionGroup` (a `BaseHTTPMiddleware`
that reads the body under another one), as FastAPI 0.165 answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.body_limit import RequestBodyLimitMiddleware, RequestBodyLimitResponder
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ("BodyLimitMiddleware", "limited_middleware_stack", "serve_limited")


def _too_large(exc: BaseException) -> bool:
    return isinstance(exc, HTTPException) and exc.status_code == 413


class _Responder(RequestBodyLimitResponder):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except BaseExceptionGroup as group:
            _, rest = group.split(_too_large)
            if rest is not None or self.response_started:
                raise
            await PlainTextResponse("Content Too Large", status_code=413)(scope, receive, send)


class BodyLimitMiddleware(RequestBodyLimitMiddleware):
    """Starlette's `RequestBodyLimitMiddleware`, also answering 413 when the limit's
    exception comes out of a task group."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await _Responder(self.app, self.max_body_size)(scope, receive, send)


async def serve_limited(
    max_body_size: int, app: ASGIApp, scope: Scope, receive: Receive, send: Send
) -> None:
    """Run `app` with the request body limited to `max_body_size` bytes."""
    await BodyLimitMiddleware(app, max_body_size=max_body_size)(scope, receive, send)


class _Limited(Protocol):
    """What `Starlette.build_middleware_stack` reads: the app's limit and middleware."""

    max_body_size: int | None
    user_middleware: list[Middleware]


def limited_middleware_stack(app: _Limited, build: Callable[[], ASGIApp]) -> ASGIApp:
    """`build()` (Starlette's middleware stack of `app`) with fastslim's limit in the place
    of Starlette's: outside the app's own middleware."""
    limit = app.max_body_size
    if limit is None:
        return build()
    user_middleware = app.user_middleware
    app.max_body_size = None
    app.user_middleware = [Middleware(BodyLimitMiddleware, max_body_size=limit), *user_middleware]
    try:
        return build()
    finally:
        app.max_body_size = limit
        app.user_middleware = user_middleware
