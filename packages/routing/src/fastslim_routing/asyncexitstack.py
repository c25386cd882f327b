"""`AsyncExitStackMiddleware`, as `fastapi.middleware.asyncexitstack`.

An ASGI middleware that opens an `AsyncExitStack`, puts it in the scope under
`context_name` (`"fastapi_middleware_astack"` by default) and closes it when the
wrapped app returns or raises: what is pushed on it (closing an uploaded file, a
callback) runs after the response. Extensions wrap an app's router with it
(FastAPI 0.165's middleware of that name).
"""

from __future__ import annotations

from contextlib import AsyncExitStack

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ("AsyncExitStackMiddleware",)


class AsyncExitStackMiddleware:
    """`AsyncExitStackMiddleware(app, context_name="fastapi_middleware_astack")`."""

    def __init__(self, app: ASGIApp, context_name: str = "fastapi_middleware_astack") -> None:
        self.app = app
        self.context_name = context_name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async with AsyncExitStack() as stack:
            scope[self.context_name] = stack
            await self.app(scope, receive, send)
