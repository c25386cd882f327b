"""`_cancel_report`: every task a cancellation stops or keeps from starting is logged
once on `fastslim.tasks` (name, running or waiting, for how long), and the observer
hears of the ones that never started, for background tasks and the runner alike."""

import logging
import threading
from typing import Any

import anyio
import pytest

from fastslim_tasks import (
    BackgroundTask,
    BackgroundTasks,
    TaskFinished,
    TaskOptions,
    TaskRunner,
    TaskStatus,
)

pytestmark = pytest.mark.anyio


class Recorder:
    def __init__(self) -> None:
        self.ends: list[tuple[str, TaskStatus]] = []
        self.starts: list[str] = []

    def task_started(self, task: BackgroundTask) -> None:
        self.starts.append(task.name)

    def task_finished(self, event: TaskFinished) -> None:
        self.ends.append((event.task.name, event.status))


def cancelled(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str, float]]:
    """(name, state, seconds) of each cancellation record."""
    return [
        (r.__dict__["task_name"], r.__dict__["task_state"], r.__dict__["task_seconds"])
        for r in caplog.records
        if r.name == "fastslim.tasks" and "task_state" in r.__dict__
    ]


def named(name: str) -> TaskOptions:
    return TaskOptions(name=name)


async def test_a_cancelled_run_logs_the_running_task_and_each_waiting_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[str] = []
    tasks = BackgroundTasks()
    tasks.add_task_with(named("first"), ran.append, "first")
    tasks.add_task_with(named("slow"), anyio.sleep, 5)
    tasks.add_task_with(named("sync after"), ran.append, "never")
    tasks.add_task_with(named("async after"), anyio.sleep, 0)
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"):
        with anyio.move_on_after(0.1):
            await tasks()
    assert ran == ["first"]
    found = cancelled(caplog)
    assert [(name, state) for name, state, _ in found] == [
        ("slow", "running"),
        ("sync after", "waiting"),
        ("async after", "waiting"),
    ]
    assert all(0.05 <= seconds < 2 for _, _, seconds in found)
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0].startswith('Background task "slow" was cancelled while running (for 0.')
    assert messages[1].endswith("; it never started")


async def test_the_observer_hears_of_the_tasks_that_never_started(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    tasks = BackgroundTasks(observer=recorder)
    tasks.add_task_with(named("slow"), anyio.sleep, 5)
    tasks.add_task_with(named("next"), anyio.sleep, 0)
    tasks.add_task_with(named("last"), print)
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"):
        with anyio.move_on_after(0.05):
            await tasks()
    assert recorder.starts == ["slow"]
    assert recorder.ends == [
        ("slow", TaskStatus.CANCELLED),
        ("next", TaskStatus.CANCELLED),
        ("last", TaskStatus.CANCELLED),
    ]
    assert [state for _, state, _ in cancelled(caplog)] == ["running", "waiting", "waiting"]


async def test_a_sync_run_in_a_thread_names_the_task_it_was_in(
    caplog: pytest.LogCaptureFixture,
) -> None:
    release = threading.Event()
    started = threading.Event()

    def blocking() -> None:
        started.set()
        release.wait(5)

    tasks = BackgroundTasks()
    tasks.add_task_with(named("quick"), print, end="")
    tasks.add_task_with(named("blocking"), blocking)
    tasks.add_task_with(named("after"), print, end="")
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"):
        with anyio.CancelScope() as scope:
            async with anyio.create_task_group() as group:
                group.start_soon(tasks.__call__)
                await anyio.to_thread.run_sync(started.wait)
                scope.cancel()
    release.set()
    found = [(name, state) for name, state, _ in cancelled(caplog)]
    assert found == [("blocking", "running"), ("after", "waiting")]


async def test_concurrent_tasks_each_say_they_were_cancelled(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    tasks = BackgroundTasks(max_concurrency=2, observer=recorder)
    for name in ("a", "b", "c"):
        tasks.add_task_with(named(name), anyio.sleep, 5)
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"):
        with anyio.move_on_after(0.05):
            await tasks()
    found = sorted((name, state) for name, state, _ in cancelled(caplog))
    assert found == [("a", "running"), ("b", "running"), ("c", "waiting")]
    assert sorted(recorder.ends) == [(name, TaskStatus.CANCELLED) for name in ("a", "b", "c")]


async def test_tasks_stopped_by_a_failure_are_not_blamed_on_a_cancellation(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def fail() -> None:
        raise ValueError("broken")

    tasks = BackgroundTasks(max_concurrency=2)
    tasks.add_task_with(named("slow"), anyio.sleep, 5)
    tasks.add_task_with(named("fail"), fail)
    with (
        caplog.at_level(logging.WARNING, logger="fastslim.tasks"),
        pytest.raises(ValueError, match="broken"),
    ):
        await tasks()
    assert cancelled(caplog) == []
    tasks = BackgroundTasks()
    tasks.add_task(print, end="")
    await tasks()  # a run that finishes logs nothing
    assert cancelled(caplog) == []


async def test_the_runner_tells_its_observer_of_pending_tasks_it_cancels(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"), anyio.fail_after(5):
        async with TaskRunner(max_concurrency=1, drain_timeout=0.1, observer=recorder) as runner:
            runner.submit_with(named("slow"), anyio.sleep, 5)
            runner.submit_with(named("queued"), anyio.sleep, 0)
            by_hand = runner.submit_with(named("by hand"), anyio.sleep, 0)
            assert by_hand.cancel() is True
    assert recorder.starts == ["slow"]
    assert sorted(recorder.ends) == [
        ("by hand", TaskStatus.CANCELLED),
        ("queued", TaskStatus.CANCELLED),
        ("slow", TaskStatus.CANCELLED),
    ]
    # Only what the deadline cancelled is logged, each once, with for how long.
    found: dict[str, Any] = {name: (state, seconds) for name, state, seconds in cancelled(caplog)}
    assert set(found) == {"slow", "queued"}
    assert found["queued"][0] == "pending"
    assert found["slow"][0] == "running"
    assert 0.05 <= found["slow"][1] < 2
    assert "drain timeout of 0.1 s expired" in caplog.records[0].getMessage()
