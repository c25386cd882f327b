"""Runs of sync tasks share one worker-thread trip, with one-by-one semantics."""

import threading
from collections.abc import Coroutine
from typing import Any

import anyio
import anyio.to_thread
import pytest

from fastslim_tasks import BackgroundTask, BackgroundTasks, TaskOptions
from fastslim_tasks._thread_batch import batch_end

pytestmark = pytest.mark.anyio


class Boom(Exception):
    pass


def noop() -> None:
    pass


async def async_noop() -> None:
    pass


def test_batch_end_stops_at_async_and_timed_tasks() -> None:
    tasks = [
        BackgroundTask(noop),
        BackgroundTask(noop),
        BackgroundTask(async_noop),
        BackgroundTask(noop),
        BackgroundTask.with_options(TaskOptions(timeout=1), noop),
    ]
    assert batch_end(tasks, 0) == 2
    assert batch_end(tasks, 2) == 2
    assert batch_end(tasks, 3) == 4
    assert batch_end(tasks, 5) == 5


async def test_continue_policy_goes_on_after_each_failure_within_a_sync_run() -> None:
    ran: list[int] = []
    failures: list[str] = []

    def fail(message: str) -> None:
        raise Boom(message)

    tasks = BackgroundTasks(
        on_error="continue", error_hook=lambda task, exc: failures.append(str(exc))
    )
    tasks.add_task(ran.append, 1)
    tasks.add_task(fail, "a")
    tasks.add_task(ran.append, 2)
    tasks.add_task(fail, "b")
    tasks.add_task(ran.append, 3)
    await tasks()
    assert ran == [1, 2, 3]
    assert failures == ["a", "b"]


async def test_a_coroutine_returned_mid_run_is_awaited_before_the_next_task() -> None:
    order: list[str] = []

    async def later() -> None:
        await anyio.sleep(0.01)
        order.append("wrapped async")

    def wrapper() -> Coroutine[Any, Any, None]:
        return later()

    tasks = BackgroundTasks()
    tasks.add_task(order.append, "first")
    tasks.add_task(wrapper)
    tasks.add_task(order.append, "last")
    await tasks()
    assert order == ["first", "wrapped async", "last"]


async def test_a_failing_returned_coroutine_follows_the_error_policy() -> None:
    order: list[str] = []

    async def broken() -> None:
        raise Boom("inside the coroutine")

    def wrapper() -> Coroutine[Any, Any, None]:
        return broken()

    tasks = BackgroundTasks()
    tasks.add_task(wrapper)
    tasks.add_task(order.append, "never")
    with pytest.raises(Boom, match="inside the coroutine"):
        await tasks()
    assert order == []


async def test_cancelling_a_sync_run_starts_no_further_task() -> None:
    started = threading.Event()
    release = threading.Event()
    ran: list[str] = []

    def blocking() -> None:
        started.set()
        release.wait(5)

    tasks = BackgroundTasks()
    tasks.add_task(blocking)
    tasks.add_task(ran.append, "after cancel")
    with anyio.CancelScope() as scope:
        async with anyio.create_task_group() as group:
            group.start_soon(tasks.__call__)
            await anyio.to_thread.run_sync(started.wait)
            scope.cancel()
    release.set()
    await anyio.sleep(0.05)  # give the abandoned thread time to (wrongly) go on
    assert ran == []


async def test_sync_tasks_added_by_a_sync_task_still_run_in_order() -> None:
    order: list[str] = []
    tasks = BackgroundTasks()

    def first() -> None:
        order.append("first")
        tasks.add_task(order.append, "added")

    tasks.add_task(first)
    tasks.add_task(order.append, "second")
    await tasks()
    assert order == ["first", "second", "added"]
