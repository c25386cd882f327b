"""Exceptions raised by fastslim-tasks."""

from __future__ import annotations


class TaskRunnerError(RuntimeError):
    """Base class of the errors a `TaskRunner` raises on misuse."""


class QueueFullError(TaskRunnerError):
    """`submit` found the runner's queue of pending tasks full."""


class RunnerClosedError(TaskRunnerError):
    """`submit` was called on a runner that is not running (not entered, or closed)."""


class TaskNotFinishedError(TaskRunnerError):
    """`result()` or `exception()` was called on a task that has not finished."""


class TaskCancelledError(Exception):
    """The task was cancelled, so it has no result."""
