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
that reads the body under another one), as FastAPI 0.165 answers; only the limit's
own exceptions do (an application's `HTTPException(413)` in a group is its own error).
An app served under a limit it does not set (mounted in an app that has one) answers
that limit's 413 in its own stack, inside its error middleware, as if it set it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import Any, Protocol

from starlette.middleware import Middleware
from starlette.middleware.body_limit import (
    _BODY_LIMIT_RESPONDER_SCOPE_KEY,
    MAX_BODY_SIZE_SCOPE_KEY,
    RequestBodyLimitMiddleware,
    RequestBodyLimitResponder,
    _RequestBodyLimitResponseSent,
    _RequestBodyTooLarge,
)
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = (
    "BodyLimitMiddleware",
    "limit_errors",
    "limit_in_force",
    "limited_middleware_stack",
    "serve_limited",
)

_LIMIT_ERRORS = (_RequestBodyTooLarge, _RequestBodyLimitResponseSent)
"""What the limit itself raises: its 413 (an `HTTPException`), or that it already
answered 413 (the request's Content-Length was over the limit when a response started)."""


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for inner in exc.exceptions for leaf in _leaves(inner)]
    return [exc]


def limit_errors(exc: BaseException) -> list[BaseException] | None:
    """The body limit's own errors `exc` is made of (itself, or every exception of a
    group), or None when it is, or holds, anything else (an application's own
    `HTTPException(413)` included)."""
    if isinstance(exc, _LIMIT_ERRORS):
        return [exc]
    if isinstance(exc, BaseExceptionGroup):
        matched, rest = exc.split(_LIMIT_ERRORS)
        if matched is not None and rest is None:
            return _leaves(matched)
    return None


def limit_in_force(scope: Mapping[str, Any]) -> bool:
    """Whether a body limit applies to the request of `scope`."""
    return MAX_BODY_SIZE_SCOPE_KEY in scope


async def _answer(
    exc: BaseException,
    responder: RequestBodyLimitResponder,
    scope: Scope,
    receive: Receive,
    send: Send,
) -> bool:
    """Answer the limit's 413 for `exc` when it is the limit's own and no response
    started (True), else leave it to be raised (False)."""
    errors = limit_errors(exc)
    if errors is None:
        return False
    if any(isinstance(error, _RequestBodyLimitResponseSent) for error in errors):
        return True  # the limit answered 413 already
    length = responder.content_length
    if responder.response_started and length is not None and length > responder.max_body_size:
        return True  # the limit answered 413 when the response started
    if responder.response_started:
        return False
    with suppress(_RequestBodyLimitResponseSent):  # an outer limit answered it at the start
        await PlainTextResponse("Content Too Large", status_code=413)(scope, receive, send)
    return True


class _Responder(RequestBodyLimitResponder):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except BaseException as exc:
            # Starlette's responder answers the limit's errors raised alone before a
            # response starts; as the request's outermost limit, this one also answers
            # those of a task group, and those raised once it answered at the start.
            if self._scope is None or not await _answer(exc, self, scope, receive, send):
                raise


class BodyLimitMiddleware(RequestBodyLimitMiddleware):
    """Starlette's `RequestBodyLimitMiddleware`, also answering 413 when the limit's
    exception comes out of a task group. In an app served under another app's limit
    (mounted in it), the app's own limit, or the one in force when it sets none, is
    answered here, inside this app's error middleware, not by the outer app."""

    def __init__(self, app: ASGIApp, max_body_size: int | None) -> None:
        self.app = app
        self.max_body_size: int | None = max_body_size  # type: ignore[assignment]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_size
        inner = self.app if limit is None else _Responder(self.app, limit)
        active = scope.get(_BODY_LIMIT_RESPONDER_SCOPE_KEY)
        if active is None:  # the request's outermost limit, or none at all
            await inner(scope, receive, send)
            return
        try:
            await inner(scope, receive, send)
        except BaseException as exc:
            if not await _answer(exc, active, scope, receive, send):
                raise


async def serve_limited(
    max_body_size: int, app: ASGIApp, scope: Scope, receive: Receive, send: Send
) -> None:
    """Run `app` (an HTTP route) with the request body limited to `max_body_size` bytes;
    under an outer limit, this one's 413 is the outer one's to answer."""
    await _Responder(app, max_body_size)(scope, receive, send)


class _Limited(Protocol):
    """What `Starlette.build_middleware_stack` reads: the app's limit and middleware."""

    max_body_size: int | None
    user_middleware: list[Middleware]


def limited_middleware_stack(app: _Limited, build: Callable[[], ASGIApp]) -> ASGIApp:
    """`build()` (Starlette's middleware stack of `app`) with fastslim's limit in the place
    of Starlette's: outside the app's own middleware. An app without a limit gets the
    layer too, for a limit it is served under (mounted in an app that has one)."""
    limit = app.max_body_size
    user_middleware = app.user_middleware
    app.max_body_size = None
    app.user_middleware = [Middleware(BodyLimitMiddleware, max_body_size=limit), *user_middleware]
    try:
        return build()
    finally:
        app.max_body_size = limit
        app.user_middleware = user_middleware
