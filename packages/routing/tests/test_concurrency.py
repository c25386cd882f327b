"""`fastslim_routing.concurrency`: context managers and iterators in worker threads."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import anyio
import pytest
import starlette.concurrency

from fastslim_routing.concurrency import (
    contextmanager_in_threadpool,
    iterate_in_threadpool,
    run_in_threadpool,
    run_until_first_complete,
)

pytestmark = pytest.mark.anyio


class Recorder:
    def __init__(self, suppress: bool = False) -> None:
        self.suppress = suppress
        self.log: list[tuple[Any, ...]] = []

    def __enter__(self) -> str:
        self.log.append(("enter", threading.current_thread() is threading.main_thread()))
        return "value"

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        name = exc_type.__name__ if exc_type else None
        self.log.append(("exit", name, threading.current_thread() is threading.main_thread()))
        return self.suppress


class Boom(BaseException):
    pass


def fail(error: BaseException) -> None:
    raise error


def test_starlette_helpers_are_reexported() -> None:
    assert run_in_threadpool is starlette.concurrency.run_in_threadpool
    assert iterate_in_threadpool is starlette.concurrency.iterate_in_threadpool
    assert run_until_first_complete is starlette.concurrency.run_until_first_complete


async def test_enter_and_exit_run_in_threads() -> None:
    recorder = Recorder()
    async with contextmanager_in_threadpool(recorder) as value:
        assert value == "value"
    assert recorder.log == [("enter", False), ("exit", None, False)]


@pytest.mark.parametrize("error", [ValueError("x"), Boom()])
async def test_exceptions_reach_exit_and_propagate(error: BaseException) -> None:
    recorder = Recorder()
    with pytest.raises(type(error)) as info:
        async with contextmanager_in_threadpool(recorder):
            raise error
    assert info.value is error
    assert recorder.log[-1] == ("exit", type(error).__name__, False)


@pytest.mark.parametrize("error", [ValueError("x"), Boom()])
async def test_exit_returning_true_suppresses(error: BaseException) -> None:
    recorder = Recorder(suppress=True)
    async with contextmanager_in_threadpool(recorder):
        fail(error)
    assert recorder.log[-1] == ("exit", type(error).__name__, False)


async def test_an_error_in_enter_skips_exit() -> None:
    class BadEnter(Recorder):
        def __enter__(self) -> str:
            raise KeyError("enter")

    recorder = BadEnter()
    with pytest.raises(KeyError):
        async with contextmanager_in_threadpool(recorder):
            pass  # pragma: no cover
    assert recorder.log == []


async def test_exit_runs_when_cancelled() -> None:
    recorder = Recorder()
    with anyio.CancelScope() as scope:
        async with contextmanager_in_threadpool(recorder):
            scope.cancel()
            await anyio.sleep(1)
    assert scope.cancelled_caught
    assert recorder.log[0] == ("enter", False)
    assert recorder.log[1][0] == "exit"
    assert recorder.log[1][1] is not None  # the backend's cancellation exception


async def test_exit_does_not_wait_for_a_full_thread_pool() -> None:
    limiter = anyio.to_thread.current_default_thread_limiter()
    recorder = Recorder()
    manager = contextmanager_in_threadpool(recorder)
    await manager.__aenter__()
    total = limiter.total_tokens
    limiter.total_tokens = 1
    try:
        async with limiter:  # the default pool is now full
            with anyio.fail_after(5):
                await manager.__aexit__(None, None, None)
    finally:
        limiter.total_tokens = total
    assert recorder.log[-1] == ("exit", None, False)


async def test_iterate_in_threadpool() -> None:
    def numbers() -> Iterator[int]:
        yield 1
        yield 2

    assert [n async for n in iterate_in_threadpool(numbers())] == [1, 2]
