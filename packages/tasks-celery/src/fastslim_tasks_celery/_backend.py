"""`CeleryBackend`: a `TaskRunner` whose tasks run on Celery workers."""

from __future__ import annotations

import uuid
import weakref
from typing import TYPE_CHECKING, Any

import anyio
import anyio.from_thread
import anyio.to_thread
from celery import Celery

from fastslim_tasks import BackgroundTask, TaskHandle, TaskNotFoundError, TaskStatus
from fastslim_tasks.backend import abandon, new_handle, set_finished, set_running

from ._json import WHAT_JSON_IS, arguments_problem
from ._names import task_name
from ._pump import Message, Pump, Update
from ._records import Records, check_result_backend
from ._states import read_record

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

TIMEOUT_HEADER = "fastslim_timeout"
_STOPPED_WATCHING = (
    "its TaskRunner stopped watching it; it goes on on the Celery workers "
    "(await runner.handle({task_id!r}) in a new runner to follow it)"
)
HARD_LIMIT_GRACE = 2.0
"""Seconds past a task's timeout before Celery's hard time limit ends its process."""


class CeleryBackend:
    """Runs a `TaskRunner`'s tasks on Celery workers.

    ```
    app = celery_app("redis://127.0.0.1:6379/0")
    async with TaskRunner(backend=CeleryBackend(app)) as runner:
        handle = runner.submit(build_report, "2024-05")  # shop.reports:build_report
        await handle.wait()
    ```

    `submit` sends `module:qualname` of a function defined at the top level of a
    module, with JSON arguments (the worker runs it from `celery_app(...,
    modules=[...])`); it returns at once and raises `TypeError`, naming the
    value, for a lambda, closure, bound method, `__main__` function, partial or
    a non-JSON argument (a tuple, a datetime, a NaN). `TaskOptions(timeout=...)`
    becomes the task's Celery time limit. Statuses follow Celery's states
    (pending, started, succeeded, failed, revoked: see `fastslim_tasks_celery`);
    a failure's `result()` raises `RemoteTaskError`. `handle.cancel()` revokes
    the task (a running one's process is terminated). `await
    runner.handle(task_id)` finds any task of the result backend, from any
    process, and raises `TaskNotFoundError` for an id nobody submitted.

    Every blocking Celery call runs in one worker thread; the event loop never
    waits on the broker. It reads the statuses of the tasks it watches every
    `poll_interval` seconds (None: 0.02, or 0.5 with a Redis result backend,
    whose change notices it follows to see a change at once). A running task
    whose fastslim worker stopped sending heartbeats
    for `lost_after` seconds (None: three of its heartbeat intervals) is
    failed with `WorkerLostError`. Leaving the runner publishes what was
    submitted (within its `drain_timeout`) and stops watching: tasks go on on
    the workers, and waiting on a handle still unfinished raises
    `RunnerClosedError`.

    Raises `ValueError` for an app without a shared result backend, or a
    `poll_interval` or `lost_after` that is not a positive number.
    """

    def __init__(
        self,
        celery_app: Celery,
        *,
        poll_interval: float | None = None,
        lost_after: float | None = None,
    ) -> None:
        check_result_backend(celery_app)
        if poll_interval is not None:
            _positive("poll_interval", poll_interval)
        if lost_after is not None:
            _positive("lost_after", lost_after)
        self.app = celery_app
        self._records = Records(celery_app)
        self._pump = Pump(celery_app, self._records, poll_interval, lost_after)
        self._handles: weakref.WeakValueDictionary[str, TaskHandle[Any]] = (
            weakref.WeakValueDictionary()
        )
        self._done: anyio.Event | None = None
        self._closed = False
        self._limiter = anyio.CapacityLimiter(4)

    # -- the protocol ------------------------------------------------------

    async def open(self, group: TaskGroup) -> None:
        self._done = anyio.Event()
        group.start_soon(self._run_pump, self._done)

    async def _run_pump(self, done: anyio.Event) -> None:
        with anyio.CancelScope(shield=True):
            try:
                await anyio.to_thread.run_sync(
                    self._pump.run, self._deliver, limiter=anyio.CapacityLimiter(1)
                )
            finally:
                done.set()

    def _deliver(self, updates: list[Update]) -> None:
        anyio.from_thread.run_sync(self._apply, updates)

    def _apply(self, updates: list[Update]) -> None:
        for handle, status, result, exception in updates:
            if handle.done():
                continue
            if status is TaskStatus.RUNNING:
                set_running(handle)
            elif status.finished:
                set_finished(handle, status, result, exception)

    def submit(self, task: BackgroundTask) -> TaskHandle[Any]:
        celery_name = task_name(task.func, task.name)
        problem = arguments_problem(task.args, task.kwargs)
        if problem is not None:
            raise TypeError(
                f'Cannot submit "{task.name}" to Celery: {problem}, not JSON '
                f"(a task's arguments cross processes as JSON: {WHAT_JSON_IS})"
            )
        handle = new_handle(task, self._cancel, str(uuid.uuid4()))
        self._handles[handle.id] = handle
        self._pump.send(Message(handle, celery_name, _options(task)))
        return handle

    async def lookup(self, task_id: str) -> TaskHandle[Any]:
        handle = self._handles.get(task_id)
        if handle is not None:
            await anyio.lowlevel.checkpoint()
            return handle
        record = await anyio.to_thread.run_sync(self._records.read, task_id, limiter=self._limiter)
        seen = read_record(record, task_id, None)
        if not seen.known:
            raise TaskNotFoundError(
                f"No task with id {task_id!r} in the result backend of the Celery app "
                f"{self.app.main!r}"
            )
        handle = new_handle(_remote_task(seen.name or task_id), self._cancel, task_id)
        if seen.status is TaskStatus.RUNNING:
            set_running(handle)
        if seen.status.finished:
            set_finished(handle, seen.status, seen.result, seen.error)
        elif self._closed:
            abandon(handle, _STOPPED_WATCHING.format(task_id=task_id))
        else:
            self._pump.watch(handle)
        self._handles[task_id] = handle
        return handle

    async def close(self, drain_timeout: float | None) -> None:
        self._closed = True
        self._pump.stop()
        if self._done is not None:
            with anyio.move_on_after(drain_timeout):
                await self._done.wait()
        for handle in list(self._handles.values()):
            if not handle.done():
                abandon(handle, _STOPPED_WATCHING.format(task_id=handle.id))

    # -- handles -----------------------------------------------------------

    def _cancel(self, handle: TaskHandle[Any]) -> bool:
        if handle.done() or self._closed:  # closed: the runner has let it go
            return False
        self._pump.revoke(handle)
        return True

    def __repr__(self) -> str:
        return f"<CeleryBackend app={self.app.main!r}>"


def _options(task: BackgroundTask) -> dict[str, Any]:
    options: dict[str, Any] = {
        "args": list(task.args),
        "kwargs": task.kwargs,
        "serializer": "json",
    }
    if task.timeout is not None:
        options["time_limit"] = task.timeout + HARD_LIMIT_GRACE
        if task.is_async:
            # An async task is timed out by anyio in the worker (Celery's soft
            # limit is a signal that would land anywhere in the event loop).
            options["headers"] = {TIMEOUT_HEADER: task.timeout}
        else:
            options["soft_time_limit"] = task.timeout
    return options


def _remote_task(name: str) -> BackgroundTask:
    task = BackgroundTask(_runs_elsewhere)
    task.name = name
    return task


def _runs_elsewhere() -> None:
    raise RuntimeError("This task runs on a Celery worker; its handle only watches it")


def _positive(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
