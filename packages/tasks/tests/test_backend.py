"""`TaskRunner(backend=...)`, handle ids and `runner.handle(task_id)`."""

from __future__ import annotations

import gc
import itertools
from typing import Any

import anyio
import anyio.lowlevel
import anyio.to_thread
import pytest
from anyio.abc import TaskGroup

from fastslim_tasks import (
    BackgroundTask,
    QueueFullError,
    RunnerClosedError,
    TaskHandle,
    TaskNotFoundError,
    TaskRunner,
    TaskStatus,
)
from fastslim_tasks.backend import abandon, new_handle, set_finished, set_running

pytestmark = pytest.mark.anyio


async def double(x: int) -> int:
    await anyio.lowlevel.checkpoint()
    return 2 * x


class RecordingBackend:
    """Runs each task on a task group of its own; keeps a log of the calls."""

    def __init__(self, *, abandon_on_close: bool = False) -> None:
        self.calls: list[str] = []
        self.handles: dict[str, TaskHandle[Any]] = {}
        self.ids = itertools.count(1)
        self.abandon_on_close = abandon_on_close
        self.release = anyio.Event()

    async def open(self, group: TaskGroup) -> None:
        self.calls.append("open")
        self.group = group
        self.scopes: list[anyio.CancelScope] = []

    def submit(self, task: BackgroundTask) -> TaskHandle[Any]:
        self.calls.append(f"submit {task.name}")
        handle = new_handle(task, self._cancel, f"job-{next(self.ids)}")
        self.handles[handle.id] = handle
        self.group.start_soon(self._run, handle)
        return handle

    async def _run(self, handle: TaskHandle[Any]) -> None:
        scope = anyio.CancelScope()
        self.scopes.append(scope)
        with scope:
            set_running(handle)
            if self.abandon_on_close:
                await self.release.wait()
            set_finished(handle, TaskStatus.DONE, await handle.task())

    def _cancel(self, handle: TaskHandle[Any]) -> bool:
        self.calls.append(f"cancel {handle.id}")
        return False

    async def lookup(self, task_id: str) -> TaskHandle[Any]:
        self.calls.append(f"lookup {task_id}")
        try:
            return self.handles[task_id]
        except KeyError:
            raise TaskNotFoundError(task_id) from None

    async def close(self, drain_timeout: float | None) -> None:
        self.calls.append(f"close {drain_timeout}")
        if self.abandon_on_close:
            for handle in self.handles.values():
                if not handle.done():
                    abandon(handle, "the backend stopped watching it")
            for scope in self.scopes:
                scope.cancel()
        while any(not handle.done() for handle in self.handles.values()):
            if self.abandon_on_close:
                break
            await anyio.sleep(0.001)


async def test_a_backend_runs_the_tasks_behind_the_same_api() -> None:
    backend = RecordingBackend()
    async with TaskRunner(backend=backend, drain_timeout=7) as runner:
        assert runner.backend is backend
        handle = runner.submit(double, 21)
        assert handle.id == "job-1"
        assert await runner.handle("job-1") is handle
        await handle.wait()
        assert handle.status is TaskStatus.DONE
        assert handle.result() == 42
        assert handle.cancel() is False
        from_thread = await anyio.to_thread.run_sync(runner.submit, double, 1)
        await from_thread.wait()
        assert from_thread.result() == 2
        with pytest.raises(TaskNotFoundError):
            await runner.handle("nope")
    assert backend.calls == [
        "open",
        "submit double",
        "lookup job-1",
        "cancel job-1",
        "submit double",
        "lookup nope",
        "close 7.0",
    ]
    with pytest.raises(RunnerClosedError, match='Cannot submit "double": the TaskRunner is closed'):
        runner.submit(double, 1)
    assert repr(runner) == f"<TaskRunner backend={backend!r}>"


async def test_a_handle_abandoned_by_its_backend_fails_its_waiters() -> None:
    backend = RecordingBackend(abandon_on_close=True)
    waited: list[BaseException] = []

    async def waiter(handle: TaskHandle[Any]) -> None:
        try:
            await handle.wait()
        except RunnerClosedError as exc:
            waited.append(exc)

    async with anyio.create_task_group() as group, TaskRunner(backend=backend) as runner:
        handle = runner.submit(double, 1)
        group.start_soon(waiter, handle)
        await anyio.sleep(0.01)
        assert handle.status is TaskStatus.RUNNING
    message = 'Task "double" (id job-1) is running: the backend stopped watching it'
    assert [str(exc) for exc in waited] == [message]
    with pytest.raises(RunnerClosedError, match="stopped watching"):
        await handle.wait()


async def test_a_backend_that_fails_to_open_closes_the_runner() -> None:
    class Broken(RecordingBackend):
        async def open(self, group: TaskGroup) -> None:
            raise OSError("no broker")

    runner = TaskRunner(backend=Broken())
    with pytest.raises(OSError, match="no broker"):
        await runner.__aenter__()
    with pytest.raises(RunnerClosedError):
        runner.submit(double, 1)


async def test_max_pending_counts_the_tasks_a_backend_has_not_started() -> None:
    class Holding(RecordingBackend):  # starts nothing by itself
        def submit(self, task: BackgroundTask) -> TaskHandle[Any]:
            handle = new_handle(task, self._cancel, f"job-{next(self.ids)}")
            self.handles[handle.id] = handle
            return handle

    backend = Holding(abandon_on_close=True)
    async with TaskRunner(backend=backend, max_pending=2) as runner:
        first, second = runner.submit(double, 1), runner.submit(double, 2)
        message = (
            r'Cannot submit "double": the TaskRunner\'s queue is full \(2 of its tasks '
            r"pending on <.*Holding.*>, max_pending=2\)"
        )
        with pytest.raises(QueueFullError, match=message):
            runner.submit(double, 3)
        set_running(first)  # started: no longer waiting
        third = runner.submit(double, 3)
        with pytest.raises(QueueFullError):
            await anyio.to_thread.run_sync(runner.submit, double, 4)
        set_finished(second, TaskStatus.CANCELLED)
        set_finished(third, TaskStatus.DONE, 6)
        handles = [runner.submit(double, i) for i in range(2)]
        with pytest.raises(QueueFullError):
            runner.submit(double, 5)
    assert len(handles) == 2
    async with TaskRunner(backend=Holding(abandon_on_close=True), max_pending=None) as runner:
        assert len([runner.submit(double, i) for i in range(100)]) == 100


def test_a_backend_without_the_protocol_is_refused() -> None:
    with pytest.raises(TypeError, match="lacks open, lookup, close"):
        TaskRunner(backend=object.__new__(type("Half", (), {"submit": lambda self: None})))


def test_set_finished_needs_an_end_status() -> None:
    handle = new_handle(BackgroundTask(double, 1), lambda handle: False, "x")
    with pytest.raises(ValueError, match="needs an end status"):
        set_finished(handle, TaskStatus.RUNNING)


async def test_in_process_handles_get_an_id_on_demand_and_are_found_by_it() -> None:
    release = anyio.Event()
    async with TaskRunner() as runner:
        handle = runner.submit(release.wait)
        task_id = handle.id
        assert len(task_id) == 32
        assert handle.id == task_id
        assert await runner.handle(task_id) is handle
        release.set()
        await handle.wait()
        assert await runner.handle(task_id) is handle
        with pytest.raises(TaskNotFoundError, match="No task with id 'other'"):
            await runner.handle("other")
        with pytest.raises(TypeError, match="A task id is a string, got 3"):
            await runner.handle(3)  # type: ignore[arg-type]
        del handle
        gc.collect()
        with pytest.raises(TaskNotFoundError):
            await runner.handle(task_id)
