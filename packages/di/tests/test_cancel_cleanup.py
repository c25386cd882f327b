"""Cleanups finish under cancellation, in order, and the cancellation propagates after.

FastAPI 0.165's rule (FACTS section 13), for a standalone container: the exit
code of every yield dependency (async and sync, function and request scope, and
app scope when the container closes) runs to completion when the caller is
cancelled during the function, between the function and the cleanups, or during
a cleanup. Each test drives `@inject` or `Container` inside an outer cancel scope.
"""

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated

import anyio
import pytest

from fastslim_di import Container, Depends, inject

pytestmark = pytest.mark.anyio

Log = list[str]


def async_dep(log: Log, name: str, pause: float = 0.01) -> Callable[[], AsyncIterator[str]]:
    """An async yield dependency whose cleanup awaits `pause` seconds."""

    async def dependency() -> AsyncIterator[str]:
        log.append(f"enter {name}")
        try:
            yield name
        except BaseException as exc:
            log.append(f"{name} sees {_kind(exc)}")
            raise
        finally:
            try:
                await anyio.sleep(pause)
            except BaseException as exc:
                log.append(f"{name} cleanup interrupted by {_kind(exc)}")
                raise
            log.append(f"{name} done")

    dependency.__name__ = name
    return dependency


def sync_dep(log: Log, name: str) -> Callable[[], Iterator[str]]:
    def dependency() -> Iterator[str]:
        log.append(f"enter {name}")
        try:
            yield name
        except BaseException as exc:
            log.append(f"{name} sees {_kind(exc)}")
            raise
        finally:
            log.append(f"{name} done")

    dependency.__name__ = name
    return dependency


def _kind(exc: BaseException) -> str:
    """(The sync dependencies run in worker threads, where anyio cannot tell the
    backend's cancellation class: it is recognized by name.)"""
    name = type(exc).__name__
    return "cancellation" if name in ("CancelledError", "Cancelled") else name


def chain(log: Log, *, cleanup_pause: float = 0.01) -> tuple[Depends, Depends, Depends, Depends]:
    """Request-scoped R, function-scoped F, request-scoped R2 and sync S, in that
    order of entry (as the parameters of a function)."""
    r = Depends(async_dep(log, "R"))
    f = Depends(async_dep(log, "F", cleanup_pause), scope="function")
    r2 = Depends(async_dep(log, "R2"))
    s = Depends(sync_dep(log, "S"))
    return r, f, r2, s


EXPECTED_DURING = [
    "enter R",
    "enter F",
    "enter R2",
    "enter S",
    "function",
    "F sees cancellation",
    "F done",
    "S sees cancellation",
    "S done",
    "R2 sees cancellation",
    "R2 done",
    "R sees cancellation",
    "R done",
]


async def test_cancelled_during_the_function_through_inject() -> None:
    log: Log = []
    R, F, R2, S = chain(log)

    @inject(container=Container())
    async def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> str:
        log.append("function")
        await anyio.sleep_forever()
        return "never"

    with anyio.move_on_after(0.05) as outer:
        await function()
        log.append("returned")  # pragma: no cover - cancelled
    assert outer.cancelled_caught
    assert log == EXPECTED_DURING


async def test_cancelled_during_the_function_through_container_call() -> None:
    log: Log = []
    R, F, R2, S = chain(log)

    async def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> None:
        log.append("function")
        await anyio.sleep_forever()

    container = Container()
    with anyio.CancelScope() as outer:

        async def cancel_soon() -> None:
            await anyio.sleep(0.05)
            outer.cancel()

        async with anyio.create_task_group() as group:
            group.start_soon(cancel_soon)
            await container.call(function)
    assert outer.cancelled_caught
    assert log == EXPECTED_DURING


async def test_cancelled_between_the_function_and_the_cleanups() -> None:
    """The function requests the cancellation and returns without awaiting: the
    function scope exits normally, the cancellation reaches the request scope."""
    log: Log = []
    R, F, R2, S = chain(log)
    scopes: list[anyio.CancelScope] = []

    @inject(container=Container())
    async def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> str:
        log.append("function")
        scopes[0].cancel()
        return "result"

    with anyio.CancelScope() as outer:
        scopes.append(outer)
        await function()
        log.append("returned")  # pragma: no cover - cancelled
    assert outer.cancelled_caught
    assert log == [
        "enter R",
        "enter F",
        "enter R2",
        "enter S",
        "function",
        "F done",
        "S sees cancellation",
        "S done",
        "R2 sees cancellation",
        "R2 done",
        "R sees cancellation",
        "R done",
    ]


async def test_cancelled_during_a_cleanup() -> None:
    log: Log = []
    R, F, R2, S = chain(log, cleanup_pause=0.2)

    @inject(container=Container())
    async def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> str:
        log.append("function")
        return "result"

    with anyio.move_on_after(0.05) as outer:
        await function()
    assert outer.cancelled_caught
    assert log[:6] == ["enter R", "enter F", "enter R2", "enter S", "function", "F done"]
    assert log[6:] == [
        "S sees cancellation",
        "S done",
        "R2 sees cancellation",
        "R2 done",
        "R sees cancellation",
        "R done",
    ]


async def test_cancelled_during_one_cleanup_the_next_ones_of_its_scope_see_it() -> None:
    # Within one scope, a cancellation that arrives during a cleanup is thrown into
    # the cleanups still to run, at their yield; each still finishes (FastAPI 0.165).
    log: Log = []
    outer_dep = Depends(async_dep(log, "OUTER"))
    inner_dep = Depends(async_dep(log, "INNER", pause=0.2))

    @inject(container=Container())
    async def function(outer: Annotated[str, outer_dep], inner: Annotated[str, inner_dep]) -> str:
        log.append("function")
        return "result"

    with anyio.move_on_after(0.05) as scope:
        await function()
    assert scope.cancelled_caught
    assert log == [
        "enter OUTER",
        "enter INNER",
        "function",
        "INNER done",
        "OUTER sees cancellation",
        "OUTER done",
    ]


async def test_in_an_open_request_scope_and_by_a_host() -> None:
    """The lower-level steps a host uses: the request scope's guard covers the
    function scope it opens."""
    log: Log = []
    R, F, R2, S = chain(log)

    async def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> None:
        log.append("function")
        await anyio.sleep_forever()

    container = Container()
    plan = container.plan(function)
    with anyio.move_on_after(0.05) as outer:
        async with container.request_scope() as request, request.function_scope() as scope:
            kwargs = await scope.solve(plan)
            await function(**kwargs)
    assert outer.cancelled_caught
    assert log == EXPECTED_DURING

    log.clear()
    with anyio.move_on_after(0.05) as outer:
        async with container.request_scope() as request:
            await request.call(function)
    assert outer.cancelled_caught
    assert log == EXPECTED_DURING


async def test_sync_function_cancelled_while_in_its_thread() -> None:
    """A sync function in the thread pool finishes; the cancellation then reaches
    the cleanups (all of them complete)."""
    log: Log = []
    R, F, R2, S = chain(log)
    scopes: list[anyio.CancelScope] = []

    def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> str:
        log.append("function")
        anyio.from_thread.run_sync(scopes[0].cancel)
        return "result"

    with anyio.CancelScope() as outer:
        scopes.append(outer)
        await Container().call(function)
    assert outer.cancelled_caught
    assert log[-6:] == [
        "S sees cancellation",
        "S done",
        "R2 sees cancellation",
        "R2 done",
        "R sees cancellation",
        "R done",
    ]
    assert "F done" in log


async def test_app_scope_cleanup_finishes_when_the_container_closes_cancelled() -> None:
    log: Log = []
    engine = async_dep(log, "engine", pause=0.05)

    @inject
    async def use(e: Annotated[str, Depends(engine, scope="app")]) -> str:
        return e

    with anyio.move_on_after(0.02) as outer:
        async with Container():
            assert await use() == "engine"
            await anyio.sleep_forever()
    assert outer.cancelled_caught
    assert log == ["enter engine", "engine sees cancellation", "engine done"]


async def test_not_cancelled_the_cleanups_run_as_before() -> None:
    log: Log = []
    R, F, R2, S = chain(log)

    @inject(container=Container())
    async def function(
        r: Annotated[str, R],
        f: Annotated[str, F],
        r2: Annotated[str, R2],
        s: Annotated[str, S],
    ) -> str:
        log.append("function")
        return "result"

    with anyio.CancelScope() as outer:
        assert await function() == "result"
    assert not outer.cancel_called
    assert log == [
        "enter R",
        "enter F",
        "enter R2",
        "enter S",
        "function",
        "F done",
        "S done",
        "R2 done",
        "R done",
    ]
