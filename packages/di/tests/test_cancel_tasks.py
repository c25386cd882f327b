"""A yield dependency's exit runs in the task that entered it (FACTS section 13):
task groups and cancel scopes opened around its `yield` work, context variables
set before it are seen by the function and reset cleanly after, and a child
task's failure reaches the caller as the task group's exception group, with the
other cleanups finished. Driven through `@inject` and `Container.call`."""

from collections.abc import AsyncIterator, Callable
from contextvars import ContextVar
from typing import Annotated

import anyio
import anyio.lowlevel
import pytest

from fastslim_di import Container, Depends, inject

pytestmark = pytest.mark.anyio

Log = list[str]
CURRENT_USER: ContextVar[str] = ContextVar("current_user", default="nobody")


class ChildFailed(Exception):
    pass


async def test_the_exit_runs_in_the_entering_task() -> None:
    tasks: list[int] = []

    async def dependency() -> AsyncIterator[None]:
        tasks.append(anyio.get_current_task().id)
        yield
        tasks.append(anyio.get_current_task().id)

    async def request_dep() -> AsyncIterator[None]:
        tasks.append(anyio.get_current_task().id)
        yield
        await anyio.lowlevel.checkpoint()
        tasks.append(anyio.get_current_task().id)

    async def plain() -> None:
        await anyio.lowlevel.checkpoint()

    @inject(container=Container(concurrent=True))
    async def function(
        a: Annotated[None, Depends(plain)],
        d: Annotated[None, Depends(dependency, scope="function")],
        b: Annotated[None, Depends(request_dep)],
        c: Annotated[None, Depends(plain, use_cache=False)],
    ) -> None:
        tasks.append(anyio.get_current_task().id)

    with anyio.move_on_after(5):
        await function()
    assert len(tasks) == 5
    assert set(tasks) == {anyio.get_current_task().id}


def task_group_dep(log: Log) -> Callable[[], AsyncIterator[str]]:
    async def with_workers() -> AsyncIterator[str]:
        async with anyio.create_task_group() as group:

            async def worker() -> None:
                try:
                    await anyio.sleep_forever()
                finally:
                    log.append("worker stopped")

            group.start_soon(worker)
            try:
                yield "workers"
            finally:
                group.cancel_scope.cancel()
        log.append("group exited")
        await anyio.sleep(0.01)
        log.append("after the group")

    return with_workers


async def test_a_task_group_around_yield_is_cancelled_and_awaited_at_exit() -> None:
    log: Log = []
    workers = task_group_dep(log)

    async def function(w: Annotated[str, Depends(workers)]) -> str:
        log.append("function")
        await anyio.sleep(0.01)
        return w

    assert await Container().call(function) == "workers"
    assert log == ["function", "worker stopped", "group exited", "after the group"]


async def test_a_task_group_around_yield_when_the_caller_is_cancelled() -> None:
    log: Log = []
    workers = task_group_dep(log)

    @inject(container=Container())
    async def function(w: Annotated[str, Depends(workers)]) -> None:
        log.append("function")
        await anyio.sleep_forever()

    with anyio.move_on_after(0.05) as outer:
        await function()
    assert outer.cancelled_caught
    assert log[:2] == ["function", "worker stopped"]
    # asyncio: the cancellation goes on out of the group; trio: the group
    # absorbs it and the code after it runs (the cancellation is raised after).
    assert log[2:] in ([], ["group exited", "after the group"])


async def test_a_child_failure_reaches_the_caller_as_the_exception_group() -> None:
    log: Log = []

    async def other() -> AsyncIterator[None]:
        try:
            yield
        except BaseException as exc:
            log.append(f"other sees {type(exc).__name__}")
            raise
        finally:
            await anyio.sleep(0.01)
            log.append("other done")

    async def supervised() -> AsyncIterator[None]:
        async with anyio.create_task_group() as group:

            async def child() -> None:
                await anyio.sleep(0.01)
                raise ChildFailed("child")

            group.start_soon(child)
            try:
                yield
            finally:
                log.append("supervised exit")

    @inject(container=Container())
    async def function(
        o: Annotated[None, Depends(other)], s: Annotated[None, Depends(supervised)]
    ) -> None:
        log.append("function")
        await anyio.sleep_forever()

    with anyio.move_on_after(5) as outer, pytest.raises(BaseExceptionGroup) as info:
        await function()
    assert not outer.cancel_called
    assert info.group_contains(ChildFailed)
    assert log == ["function", "supervised exit", "other sees ExceptionGroup", "other done"]


async def test_a_cancel_scope_around_yield() -> None:
    """A deadline a dependency opens around its `yield` cancels the function; the
    dependency's own scope catches it at exit, so the call returns normally."""
    log: Log = []

    async def deadline() -> AsyncIterator[None]:
        with anyio.move_on_after(0.02) as scope:
            yield
        log.append(f"deadline caught={scope.cancelled_caught}")
        await anyio.lowlevel.checkpoint()

    @inject(container=Container())
    async def function(d: Annotated[None, Depends(deadline)]) -> str:
        await anyio.sleep_forever()
        return "never"  # pragma: no cover

    with anyio.move_on_after(5) as outer:
        assert await function() is None
    assert not outer.cancel_called
    assert log == ["deadline caught=True"]


async def test_a_context_variable_set_before_yield() -> None:
    seen: list[str] = []

    async def login() -> AsyncIterator[None]:
        token = CURRENT_USER.set("alice")
        try:
            yield
        finally:
            await anyio.sleep(0.01)
            CURRENT_USER.reset(token)
            seen.append(f"reset to {CURRENT_USER.get()}")

    @inject(container=Container())
    async def function(u: Annotated[None, Depends(login)]) -> None:
        seen.append(CURRENT_USER.get())
        await anyio.sleep_forever()

    with anyio.move_on_after(0.02) as outer:
        await function()
    assert outer.cancelled_caught
    assert seen == ["alice", "reset to nobody"]
    assert CURRENT_USER.get() == "nobody"
