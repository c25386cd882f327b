"""Observability hooks: a task started, a task finished with its outcome."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ._callables import callable_name
from ._status import TaskStatus

if TYPE_CHECKING:
    from ._task import BackgroundTask

logger = logging.getLogger("fastslim.tasks")


@dataclass(frozen=True, slots=True)
class TaskFinished:
    """How a task ended: done, failed (with its exception) or cancelled."""

    task: BackgroundTask
    status: TaskStatus
    exception: BaseException | None
    duration: float
    """Seconds from start to end, measured with `time.perf_counter`."""


class TaskObserver(Protocol):
    """Receives a call when a task starts and when it finishes.

    Both are called on the event loop and must return quickly; an exception
    raised by an observer is logged and never affects the task.
    """

    def task_started(self, task: BackgroundTask) -> None: ...

    def task_finished(self, event: TaskFinished) -> None: ...


def notify_started(observer: TaskObserver, task: BackgroundTask) -> None:
    try:
        observer.task_started(task)
    except Exception:
        logger.exception(
            'Task observer "%s" failed on the start of task "%s"',
            callable_name(observer),
            task.name,
        )


def notify_finished(observer: TaskObserver, event: TaskFinished) -> None:
    try:
        observer.task_finished(event)
    except Exception:
        logger.exception(
            'Task observer "%s" failed on the end of task "%s"',
            callable_name(observer),
            event.task.name,
        )
