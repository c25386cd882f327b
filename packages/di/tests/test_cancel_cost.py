"""Calls without an async yield dependency keep their timing (FACTS section 13): a
cancellation requested during the function neither delays nor changes the
result (the scope reports `cancel_called`, not `cancelled_caught`), and no
cancel guard is entered for them. Overrides decide: replacing a plain dependency
by an async yield one brings the cleanup guarantees in; the reverse takes them
out."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import anyio
import pytest

from fastslim_di import Container, Depends, inject

pytestmark = pytest.mark.anyio

Log = list[str]


def plain() -> str:
    return "plain"


async def async_plain() -> str:
    return "async plain"


def sync_generator() -> Iterator[str]:
    yield "sync generator"


async def async_generator() -> AsyncIterator[str]:
    try:
        yield "async generator"
    finally:
        await anyio.sleep(0.01)
        LOG.append("async generator done")


LOG: Log = []


async def test_no_async_yield_dependency_the_result_is_returned() -> None:
    scopes: list[anyio.CancelScope] = []

    async def function(
        a: Annotated[str, Depends(plain)],
        b: Annotated[str, Depends(async_plain)],
        c: Annotated[str, Depends(sync_generator)],
    ) -> str:
        scopes[0].cancel()
        return f"{a}, {b}, {c}"

    container = Container()
    assert not container.needs_cancel_guard(container.plan(function))
    with anyio.CancelScope() as outer:
        scopes.append(outer)
        result = await container.call(function)
    assert result == "plain, async plain, sync generator"
    assert outer.cancel_called
    assert not outer.cancelled_caught

    @inject(container=container)
    async def injected(a: Annotated[str, Depends(plain)]) -> str:
        scopes[1].cancel()
        return a

    with anyio.CancelScope() as outer:
        scopes.append(outer)
        assert await injected() == "plain"
    assert not outer.cancelled_caught


async def test_an_async_yield_dependency_needs_the_guard() -> None:
    async def function(g: Annotated[str, Depends(async_generator)]) -> str:
        return g

    container = Container()
    plan = container.plan(function)
    assert plan.has_async_generator
    assert container.needs_cancel_guard(plan)

    async def nested(x: Annotated[str, Depends(function)]) -> str:
        return x

    assert container.plan(nested).has_async_generator


async def test_an_override_by_an_async_yield_dependency_brings_the_rules_in() -> None:
    LOG.clear()
    scopes: list[anyio.CancelScope] = []

    async def function(p: Annotated[str, Depends(plain)]) -> str:
        scopes[0].cancel()
        return p

    container = Container()
    with container.override(plain, async_generator):
        assert container.needs_cancel_guard(container.plan(function))
        with anyio.CancelScope() as outer:
            scopes.append(outer)
            await container.call(function)
            LOG.append("returned")  # pragma: no cover - cancelled
    assert outer.cancelled_caught
    assert LOG == ["async generator done"]


async def test_an_override_by_a_plain_dependency_takes_them_out() -> None:
    LOG.clear()
    scopes: list[anyio.CancelScope] = []

    async def function(g: Annotated[str, Depends(async_generator)]) -> str:
        scopes[0].cancel()
        return g

    container = Container(dependency_overrides={async_generator: plain})
    with anyio.CancelScope() as outer:
        scopes.append(outer)
        assert await container.call(function) == "plain"
    assert outer.cancel_called
    assert not outer.cancelled_caught
    assert LOG == []
