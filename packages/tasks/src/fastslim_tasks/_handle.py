"""`TaskHandle`: a task submitted to a `TaskRunner`, seen from outside."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import anyio
import anyio.lowlevel

from ._errors import RunnerClosedError, TaskCancelledError, TaskNotFinishedError
from ._status import TaskStatus
from ._task import BackgroundTask

T = TypeVar("T")


class TaskHandle(Generic[T]):
    """The status and outcome of one submitted task.

    Status goes pending → running → done | failed | cancelled (or pending →
    cancelled). `await handle.wait()` returns once it has finished; `result()`
    and `exception()` then tell its outcome. `handle.id` names it for
    `await runner.handle(task_id)`.
    """

    __slots__ = (
        "__weakref__",
        "_abandoned",
        "_cancel",
        "_exception",
        "_finished",
        "_id",
        "_register",
        "_result",
        "_scope",
        "_since",
        "_status",
        "task",
    )

    def __init__(
        self,
        task: BackgroundTask,
        cancel: Callable[[TaskHandle[Any]], bool],
        *,
        task_id: str | None = None,
        register: Callable[[TaskHandle[Any]], None] | None = None,
    ) -> None:
        self.task = task
        self._cancel = cancel
        self._status = TaskStatus.PENDING
        self._result: Any = None
        self._exception: BaseException | None = None
        self._finished: anyio.Event | None = None  # made by the first wait()
        self._scope: anyio.CancelScope | None = None
        self._id = task_id
        self._register = register  # told of the id once it is made
        self._abandoned: str | None = None
        self._since = time.perf_counter()  # submitted; then started (see _start)

    @property
    def name(self) -> str:
        return self.task.name

    @property
    def id(self) -> str:
        """The task's id (a string): `await runner.handle(handle.id)` finds it again.

        An in-process task gets one (a random hex string) when first asked; a task
        on a backend (such as Celery) has the backend's id from the start."""
        task_id = self._id
        if task_id is None:
            task_id = self._id = uuid.uuid4().hex
            if self._register is not None:
                self._register(self)
        return task_id

    @property
    def status(self) -> TaskStatus:
        return self._status

    def done(self) -> bool:
        """True once the task has finished: done, failed or cancelled."""
        return self._status.finished

    async def wait(self) -> None:
        """Wait until the task has finished, whatever its outcome; raises nothing
        of the task's.

        Raises `RunnerClosedError` if the runner stops watching the task before it
        has finished (a backend's runner, such as Celery's, left while the task
        still runs elsewhere; the in-process runner always finishes its tasks)."""
        if self._status.finished:
            await anyio.lowlevel.checkpoint()
            return
        if self._abandoned is None:
            if self._finished is None:
                self._finished = anyio.Event()
            await self._finished.wait()
        if self._abandoned is not None and not self._status.finished:
            raise RunnerClosedError(
                f'Task "{self.name}" (id {self._id}) is {self._status.value}: {self._abandoned}'
            )

    def result(self) -> T:
        """What the task returned.

        Raises the task's own exception if it failed, `TaskCancelledError` if it
        was cancelled and `TaskNotFinishedError` if it has not finished.
        """
        self._check_finished("result")
        if self._status is TaskStatus.CANCELLED:
            raise TaskCancelledError(f'Task "{self.name}" was cancelled: it has no result')
        if self._exception is not None:
            raise self._exception
        result: T = self._result
        return result

    def exception(self) -> BaseException | None:
        """The exception the task failed with, or None if it succeeded.

        Raises `TaskCancelledError` if it was cancelled and
        `TaskNotFinishedError` if it has not finished.
        """
        self._check_finished("exception")
        if self._status is TaskStatus.CANCELLED:
            raise TaskCancelledError(f'Task "{self.name}" was cancelled: it has no exception')
        return self._exception

    def cancel(self) -> bool:
        """Cancel the task if it has not finished; False if it already had.

        A pending task never starts; a running one is cancelled at its next
        checkpoint (a sync task's thread is abandoned). Callable from the event
        loop or from any other thread, in O(1); raises nothing.
        """
        return self._cancel(self)

    def _check_finished(self, what: str) -> None:
        if not self.done():
            raise TaskNotFinishedError(
                f'Task "{self.name}" is {self._status.value}: it has no {what} yet; '
                "await handle.wait() first"
            )

    def _start(self) -> None:
        self._status = TaskStatus.RUNNING
        self._since = time.perf_counter()

    def _seconds(self) -> float:
        """Seconds since it was submitted (pending) or started (running or after)."""
        return time.perf_counter() - self._since

    def _abandon(self, reason: str) -> None:
        # The runner stops watching a task that has not finished (see wait()).
        self._abandoned = reason
        if self._finished is not None:
            self._finished.set()

    def _finish(
        self, status: TaskStatus, result: Any = None, exc: BaseException | None = None
    ) -> None:
        self._status = status
        self._result = result
        self._exception = exc
        self._scope = None
        if self._finished is not None:
            self._finished.set()

    def __repr__(self) -> str:
        return f"<TaskHandle {self.name!r} {self._status.value}>"
