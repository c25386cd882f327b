"""Cancelled tasks, told: one record on the `fastslim.tasks` logger per task that a
cancellation stopped while it ran or kept from starting, and the observer told of
the ones that never started (those that ran were told by `execute`).

A server that cuts an app off (uvicorn's `--timeout-graceful-shutdown`, a second
signal) cancels the request tasks, so the background tasks of a request vanish
without a word unless they say so here; a `TaskRunner` says so for what its drain
deadline cancels.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ._observer import TaskFinished, TaskObserver, logger, notify_finished
from ._status import TaskStatus

if TYPE_CHECKING:
    from ._task import BackgroundTask

RUNNING = "running"
WAITING = "waiting"


class Progress:
    """Where a run of background tasks is: the index of the task running (-1: none),
    since when (`time.perf_counter`), the index of the first that has not started,
    and since when the run began. A sync run in a worker thread moves it too."""

    __slots__ = ("began", "index", "next", "started")

    def __init__(self) -> None:
        self.began = self.started = time.perf_counter()
        self.index = -1
        self.next = 0

    def at(self, index: int) -> None:
        """The task at `index` starts now."""
        self.index = index
        self.next = index + 1
        self.started = time.perf_counter()


def log_cancelled(
    kind: str, task: BackgroundTask, state: str, seconds: float, reason: str = ""
) -> None:
    """`<kind> "<name>" was cancelled while <state> (for <seconds> s)<reason>`, a
    warning with the task's name, state and seconds as the record's `task_name`,
    `task_state` and `task_seconds`."""
    logger.warning(
        '%s "%s" was cancelled while %s (for %.2f s)%s',
        kind,
        task.name,
        state,
        seconds,
        reason,
        extra={"task_name": task.name, "task_state": state, "task_seconds": seconds},
    )


def never_started(observer: TaskObserver | None, task: BackgroundTask) -> None:
    """Tell `observer` that `task` was cancelled before it started (duration 0)."""
    if observer is not None:
        notify_finished(observer, TaskFinished(task, TaskStatus.CANCELLED, None, 0.0))


def report_cancelled_run(
    tasks: list[BackgroundTask], progress: Progress, observer: TaskObserver | None
) -> None:
    """A run of background tasks was cancelled at `progress`: the running task (if
    any) and each one that had not started are logged; the latter reach `observer`."""
    now = time.perf_counter()
    if progress.index >= 0:
        log_cancelled("Background task", tasks[progress.index], RUNNING, now - progress.started)
    for task in tasks[progress.next :]:
        log_cancelled("Background task", task, WAITING, now - progress.began, "; it never started")
        never_started(observer, task)
