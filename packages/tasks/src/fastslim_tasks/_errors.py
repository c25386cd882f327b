"""Exceptions raised by fastslim-tasks.

Every error of a `TaskRunner` and its handles is a `TaskRunnerError` (itself a
`RuntimeError`). Invalid settings raise `ValueError` or `TypeError`, naming the
setting and the value given.
"""

from __future__ import annotations


class TaskRunnerError(RuntimeError):
    """Base class of the errors a `TaskRunner` and its `TaskHandle`s raise."""


class QueueFullError(TaskRunnerError):
    """`submit` found the runner's queue of pending tasks full."""


class RunnerClosedError(TaskRunnerError):
    """`submit` was called on a runner that is not running (not entered, or closed)."""


class TaskNotFinishedError(TaskRunnerError):
    """`result()` or `exception()` was called on a task that has not finished."""


class TaskCancelledError(TaskRunnerError):
    """`result()` or `exception()` was called on a task that was cancelled: it has
    no outcome."""


class TaskNotFoundError(TaskRunnerError, LookupError):
    """`runner.handle(task_id)` found no task with that id."""
