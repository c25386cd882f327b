"""The backend protocol of `TaskRunner`: where submitted tasks run.

The runner's own in-process scheduling (anyio task groups, at most
`max_concurrency` at a time) is the default; a backend such as
fastslim-tasks-celery's runs them elsewhere (other processes, other machines)
behind the same `submit`, `TaskHandle` and `runner.handle(task_id)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ._handle import TaskHandle
from ._status import TaskStatus

if TYPE_CHECKING:
    from anyio.abc import TaskGroup

    from ._task import BackgroundTask


class TaskBackend(Protocol):
    """What a `TaskRunner` needs from a backend (`TaskRunner(backend=...)`).

    The runner calls every method on its event loop thread (a `submit` from
    another thread is carried to the loop first): `open` when it is entered,
    `close` when it is left, whatever the way (shielded from cancellation).
    """

    async def open(self, group: TaskGroup) -> None:
        """Start; called once, on the runner's entry. Background work of the
        backend (a watcher, a publisher) goes in `group`, the runner's task group,
        which is left after `close` returns; each such task shields itself from
        cancellation (an outer cancel scope around the runner's `async with`
        reaches that group too) and ends when `close` tells it to."""
        ...

    def submit(self, task: BackgroundTask) -> TaskHandle[Any]:
        """Take `task` and return its handle at once (never block the loop).

        Raise, naming the value, for a task the backend cannot run (for instance
        a function or argument that cannot cross processes)."""
        ...

    async def lookup(self, task_id: str) -> TaskHandle[Any]:
        """The handle of the task with this id, with its current status (perhaps
        a task submitted by another process). Raise `TaskNotFoundError` when the
        backend can tell that no such task exists."""
        ...

    async def close(self, drain_timeout: float | None) -> None:
        """Stop, within `drain_timeout` seconds (None: no limit): finish handing
        over what was submitted, then stop watching (`abandon` the handles that
        have not finished)."""
        ...


def new_handle(
    task: BackgroundTask, cancel: Callable[[TaskHandle[Any]], bool], task_id: str
) -> TaskHandle[Any]:
    """A pending handle for `task`, with the backend's `task_id` and its `cancel`
    (called by `handle.cancel()`, from any thread: True if the cancellation was
    requested, False if the task had already finished)."""
    return TaskHandle(task, cancel, task_id=task_id)


def set_running(handle: TaskHandle[Any]) -> None:
    """Mark `handle` as running (call it on the runner's event loop)."""
    handle._start()


def set_finished(
    handle: TaskHandle[Any],
    status: TaskStatus,
    result: Any = None,
    exception: BaseException | None = None,
) -> None:
    """Finish `handle` with `status` (done with `result`, failed with
    `exception`, or cancelled), waking its waiters (on the runner's event loop).

    Raises `ValueError` for a status that is not an end."""
    if not status.finished:
        raise ValueError(f"set_finished needs an end status, got {status!r}")
    handle._finish(status, result, exception)


def abandon(handle: TaskHandle[Any], reason: str) -> None:
    """Stop watching an unfinished `handle`: its waiters (now and later) get
    `RunnerClosedError` with `reason` (on the runner's event loop)."""
    handle._abandon(reason)
