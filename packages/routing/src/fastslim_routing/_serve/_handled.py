"""An exception of a route, to the app's exception handlers: Starlette's
`wrap_app_handling_exceptions` (what its `Route` and FastAPI's `APIRoute` run
around each request), as a function called only when something was raised.

Starlette wraps the route's `send` to learn whether the response started; the
handler knows it without the wrapper when the response is one whose `__call__`
is Starlette's `Response.__call__`, which sends `http.response.start` before
anything else it does (so it started once it was called). Other responses
(streams, files, custom classes) are sent through `StartWatch`.
"""

from __future__ import annotations

from typing import Any

from starlette._utils import is_async_callable
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from ._body_limit import limit_errors

PLAIN_CALL = Response.__call__
"""`__call__` of the responses that start as soon as they are called."""

HANDLERS = "starlette.exception_handlers"
"""ASGI scope key: (exception handlers by class, handlers by status) of the app."""


class StartWatch:
    """`send` for a response that may fail before it starts: records the start."""

    __slots__ = ("send", "started")

    def __init__(self, send: Send) -> None:
        self.send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self.send(message)


def _lookup(handlers: dict[Any, Any], exc: Exception) -> Any:
    for cls in type(exc).__mro__:
        if cls in handlers:
            return handlers[cls]
    return None


async def handle_exception(
    exc: Exception, request: Request, started: bool, scope: Scope, receive: Receive, send: Send
) -> None:
    """Send the response of the app's handler for `exc` (Starlette's rules: a status
    handler for an `HTTPException` first, then by class along the MRO).

    Raises `exc` when no handler takes it, or when it is the body limit's own and the
    response had `started` (the limit answered 413, `_body_limit`), and
    `RuntimeError` when a handler takes it but the response had `started`.
    """
    try:
        exception_handlers, status_handlers = scope[HANDLERS]
    except KeyError:
        exception_handlers, status_handlers = {}, {}
    handler = None
    if isinstance(exc, HTTPException):
        handler = status_handlers.get(exc.status_code)
    if handler is None:
        handler = _lookup(exception_handlers, exc)
    if handler is None:
        raise exc
    if started and limit_errors(exc) is not None:
        raise exc  # the body limit's, once it answered 413: its middleware ends it
    if started:
        raise RuntimeError("Caught handled exception, but response already started.") from exc
    if is_async_callable(handler):
        response = await handler(request, exc)
    else:
        response = await run_in_threadpool(handler, request, exc)
    if response is not None:
        await response(scope, receive, send)
    # Reused exception instances accumulate tracebacks across requests (Starlette).
    exc.__traceback__ = None
