"""`asyncexitstack.AsyncExitStackMiddleware` (FastAPI 0.165's): a stack in the scope
while the app runs, closed after it returns or raises."""

from contextlib import AsyncExitStack
from typing import Any, Literal

import anyio
import pytest

from fastslim_routing.asyncexitstack import AsyncExitStackMiddleware


def run(middleware: AsyncExitStackMiddleware, backend: Literal["asyncio", "trio"]) -> None:
    async def main() -> None:
        await middleware({"type": "http"}, None, None)  # type: ignore[arg-type]

    anyio.run(main, backend=backend)


@pytest.mark.parametrize("name", [None, "custom"])
def test_the_stack_closes_after_the_app(
    name: str | None, backend: Literal["asyncio", "trio"]
) -> None:
    events: list[str] = []
    key = name or "fastapi_middleware_astack"

    async def app(scope: Any, receive: Any, send: Any) -> None:
        stack = scope[key]
        assert isinstance(stack, AsyncExitStack)

        async def close() -> None:
            await anyio.lowlevel.checkpoint()
            events.append("closed")

        stack.push_async_callback(close)
        events.append("app")

    middleware = AsyncExitStackMiddleware(app, context_name=name) if name else None
    run(middleware or AsyncExitStackMiddleware(app), backend)
    assert events == ["app", "closed"]


def test_the_stack_closes_when_the_app_raises(backend: Literal["asyncio", "trio"]) -> None:
    events: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        scope["fastapi_middleware_astack"].callback(events.append, "closed")
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        run(AsyncExitStackMiddleware(app), backend)
    assert events == ["closed"]
