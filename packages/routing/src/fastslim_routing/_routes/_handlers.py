"""FastAPI's `request_response`: an ASGI app from a `request -> response` function,
served through fastslim's request scope (dependencies, their cleanup and the
background tasks work as in the route's own app).

Extensions rebuild a route's app with it after changing the route
(fastapi-pagination: `route.app = request_response(route.get_route_handler())`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .._serve._handler import container_of, serve_with_handler

__all__ = ("request_response",)


def request_response(
    func: Callable[[Request], Awaitable[Response] | Response],
) -> ASGIApp:
    """An ASGI app calling `func` with the request and sending the response it
    returns; a plain `def` runs in the thread pool."""
    handler: Callable[[Request], Coroutine[Any, Any, Response]]
    target = func.func if isinstance(func, functools.partial) else func
    if inspect.iscoroutinefunction(target) or inspect.iscoroutinefunction(
        getattr(target, "__call__", None)  # noqa: B004
    ):
        handler = func  # type: ignore[assignment]
    else:

        async def handler(request: Request) -> Response:
            result: Any = await run_in_threadpool(func, request)
            return result  # type: ignore[no-any-return]

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await serve_with_handler(handler, container_of(scope), scope, receive, send)

    return app
