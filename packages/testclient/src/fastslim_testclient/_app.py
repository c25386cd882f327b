"""Accept ASGI 3 apps as they are and wrap ASGI 2 (double-callable) apps."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any, cast

from ._types import ASGIApp, Receive, Scope, Send

ASGI2Instance = Callable[[Receive, Send], Awaitable[None]]
ASGI2App = Callable[[Scope], ASGI2Instance]


def _is_async_callable(obj: Any) -> bool:
    while hasattr(obj, "func") and hasattr(obj, "args"):  # functools.partial
        obj = obj.func
    return inspect.iscoroutinefunction(obj) or (
        callable(obj) and inspect.iscoroutinefunction(getattr(obj, "__call__", None))  # noqa: B004
    )


class _ASGI2Wrapper:
    def __init__(self, app: ASGI2App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        instance = self.app(scope)
        await instance(receive, send)


def as_asgi3(app: Any) -> ASGIApp:
    """Return `app` if it is an ASGI 3 app, else wrap it as an ASGI 2 app."""
    if not callable(app):
        raise TypeError(f"The app under test must be an ASGI callable, got {app!r}.")
    if inspect.isclass(app):
        if hasattr(app, "__await__"):
            return cast(ASGIApp, app)
        return _ASGI2Wrapper(cast(ASGI2App, app))
    if _is_async_callable(app):
        return cast(ASGIApp, app)
    return _ASGI2Wrapper(app)
