"""Running one task, with the observer told of its start and outcome."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import anyio

from ._callables import callable_name
from ._observer import TaskFinished, TaskObserver, logger, notify_finished, notify_started
from ._status import TaskStatus
from ._task import BackgroundTask

ErrorHook = Callable[[BackgroundTask, Exception], object]
"""Called with the task and its exception after each failure that is an `Exception`
(a sync callable). A `BaseException` that is not one (`SystemExit`,
`KeyboardInterrupt`, a custom subclass) is logged but not passed to the hook."""

EXIT_EXCEPTIONS = (KeyboardInterrupt, SystemExit)
"""Failures that are still recorded and logged like any other, then re-raised once
the runner (or the run of tasks) has finished cleanly: the process was asked to
stop."""


async def execute(task: BackgroundTask, observer: TaskObserver | None) -> Any:
    """Run `task`, telling `observer` (if any) when it starts and how it ends."""
    if observer is None:
        return await task()
    notify_started(observer, task)
    start = time.perf_counter()
    try:
        result = await task()
    except anyio.get_cancelled_exc_class():
        finished = TaskFinished(task, TaskStatus.CANCELLED, None, time.perf_counter() - start)
        notify_finished(observer, finished)
        raise
    except BaseException as exc:
        finished = TaskFinished(task, TaskStatus.FAILED, exc, time.perf_counter() - start)
        notify_finished(observer, finished)
        raise
    notify_finished(
        observer, TaskFinished(task, TaskStatus.DONE, None, time.perf_counter() - start)
    )
    return result


def is_cancellation(exc: BaseException) -> bool:
    """True for the event loop's cancellation exception, which is never a failure."""
    return isinstance(exc, anyio.get_cancelled_exc_class())


def report_failure(task: BackgroundTask, exc: BaseException, error_hook: ErrorHook | None) -> None:
    """Log a failed task with its traceback, then pass it to the error hook (only
    an `Exception`: the hook's type promises no more)."""
    logger.error('Background task "%s" failed', task.name, exc_info=exc)
    if error_hook is not None and isinstance(exc, Exception):
        try:
            error_hook(task, exc)
        except Exception:
            logger.exception(
                'The error hook "%s" failed on task "%s"', callable_name(error_hook), task.name
            )
