"""What stays cancellable, what a cleanup may bound, and a cleanup failing under
cancellation (FACTS section 13): entering a dependency is cancellable; a deadline
opened inside a cleanup is honoured; a cleanup that raises keeps the cancellation
as its `__context__`, and the other cleanups still run."""

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
import pytest

from fastslim_di import Container, Depends, inject

pytestmark = pytest.mark.anyio

Log = list[str]


class CleanupFailed(Exception):
    pass


def outer_dep(log: Log) -> Depends:
    async def outer() -> AsyncIterator[str]:
        log.append("enter outer")
        try:
            yield "outer"
        except BaseException as exc:
            log.append(f"outer sees {type(exc).__name__}")
            raise
        finally:
            await anyio.sleep(0.01)
            log.append("outer done")

    return Depends(outer)


async def test_entering_a_dependency_stays_cancellable() -> None:
    log: Log = []
    Outer = outer_dep(log)

    async def slow() -> AsyncIterator[str]:
        log.append("enter slow")
        await anyio.sleep_forever()
        yield "never"  # pragma: no cover
        log.append("slow cleanup")  # pragma: no cover

    @inject(container=Container())
    async def function(o: Annotated[str, Outer], s: Annotated[str, Depends(slow)]) -> None:
        log.append("function")  # pragma: no cover

    with anyio.move_on_after(0.05) as outer:
        await function()
    assert outer.cancelled_caught
    cancelled = anyio.get_cancelled_exc_class().__name__
    assert log == ["enter outer", "enter slow", f"outer sees {cancelled}", "outer done"]


async def test_a_cleanup_bounds_itself_with_its_own_deadline() -> None:
    log: Log = []
    Outer = outer_dep(log)

    async def bounded() -> AsyncIterator[str]:
        try:
            yield "bounded"
        finally:
            with anyio.move_on_after(0.02) as own:
                await anyio.sleep(10)
            log.append(f"bounded: own deadline caught={own.cancelled_caught}")

    @inject(container=Container())
    async def function(o: Annotated[str, Outer], b: Annotated[str, Depends(bounded)]) -> None:
        await anyio.sleep_forever()

    start = anyio.current_time()
    with anyio.move_on_after(0.02) as outer:
        await function()
    assert outer.cancelled_caught
    assert anyio.current_time() - start < 2
    assert log[1:] == [
        "bounded: own deadline caught=True",
        f"outer sees {anyio.get_cancelled_exc_class().__name__}",
        "outer done",
    ]


async def test_fail_after_inside_a_cleanup_raises_its_timeout() -> None:
    log: Log = []
    Outer = outer_dep(log)

    async def strict() -> AsyncIterator[str]:
        try:
            yield "strict"
        finally:
            with anyio.fail_after(0.02):
                await anyio.sleep(10)

    @inject(container=Container())
    async def function(o: Annotated[str, Outer], s: Annotated[str, Depends(strict)]) -> None:
        await anyio.sleep_forever()

    with anyio.move_on_after(0.02) as outer, pytest.raises(TimeoutError) as info:
        await function()
    assert not outer.cancelled_caught
    assert isinstance(info.value.__context__, anyio.get_cancelled_exc_class())
    assert log == ["enter outer", "outer sees TimeoutError", "outer done"]


async def test_a_failing_cleanup_keeps_the_cancellation_as_context() -> None:
    log: Log = []
    Outer = outer_dep(log)

    async def failing() -> AsyncIterator[str]:
        try:
            yield "failing"
        finally:
            await anyio.sleep(0.01)
            raise CleanupFailed("rollback failed")

    @inject(container=Container())
    async def function(o: Annotated[str, Outer], f: Annotated[str, Depends(failing)]) -> None:
        await anyio.sleep_forever()

    with anyio.move_on_after(0.02) as outer, pytest.raises(CleanupFailed) as info:
        await function()
    assert isinstance(info.value.__context__, anyio.get_cancelled_exc_class())
    # The remaining (outer) cleanup still ran, seeing the cleanup's failure.
    assert log == ["enter outer", "outer sees CleanupFailed", "outer done"]
    assert not outer.cancelled_caught


async def test_function_scope_cleanup_failure_and_request_cleanups() -> None:
    log: Log = []
    Outer = outer_dep(log)

    async def failing() -> AsyncIterator[str]:
        try:
            yield "failing"
        finally:
            raise CleanupFailed("function-scoped")

    @inject(container=Container())
    async def function(
        o: Annotated[str, Outer],
        f: Annotated[str, Depends(failing, scope="function")],
    ) -> None:
        await anyio.sleep_forever()

    with anyio.move_on_after(0.02), pytest.raises(CleanupFailed) as info:
        await function()
    assert isinstance(info.value.__context__, anyio.get_cancelled_exc_class())
    assert log == ["enter outer", "outer sees CleanupFailed", "outer done"]
