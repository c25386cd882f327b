"""The two drivers of the solver: every solver behaviour test runs on both.

`driver.call(container, func, values)` solves `func` in a new request scope of
`container` (with the host's `values`) and calls it: awaited by the async
driver, in the caller's thread with no event loop by the sync driver (then
`func` and its dependencies must be sync); `driver.call_plan(container, plan)`
does the same with a plan built beforehand; `driver.request_scope(container)`
and `driver.call_in(request, func)` do it in steps.
"""

import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

import pytest

from fastslim_di import Container, DependencyPlan, RequestScope


class Driver:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name} driver>"

    @contextlib.asynccontextmanager
    async def request_scope(
        self, container: Container, values: Mapping[Any, Any] | None = None
    ) -> AsyncIterator[RequestScope]:
        """A request scope, entered and exited the driver's way."""
        if self.name == "async":
            async with container.request_scope(values) as request:
                yield request
        else:
            with container.request_scope(values) as request:
                yield request

    async def call_in(self, request: RequestScope, func: Callable[..., Any]) -> Any:
        """Solve and call `func` in an open request scope."""
        if self.name == "async":
            return await request.call(func)
        return request.call_plan_sync(request.container.plan(func), (), {})

    async def call(
        self,
        container: Container,
        func: Callable[..., Any],
        values: Mapping[Any, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        if self.name == "async":
            async with container.request_scope(values) as request:
                return await request.call(func, **kwargs)
        with container.request_scope(values) as request:
            return request.call_plan_sync(container.plan(func), (), kwargs)

    async def call_plan(self, container: Container, plan: DependencyPlan) -> Any:
        if self.name == "async":
            async with container.request_scope() as request:
                return await request.call_plan(plan, (), {})
        with container.request_scope() as request:
            return request.call_plan_sync(plan, (), {})


@pytest.fixture(params=["async", "sync"])
def driver(request: pytest.FixtureRequest) -> Driver:
    return Driver(request.param)
