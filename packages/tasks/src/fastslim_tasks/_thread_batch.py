"""Consecutive sync tasks run in one worker-thread trip instead of one trip each.

The hop to a worker thread and back costs far more than a small sync task, so a
run of sync tasks (no timeout, no observer) goes to the thread once. Order and
error semantics are those of running them one by one: the batch stops at the
first failure, and a cancelled batch starts no further task.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Sequence
from typing import Any

from ._task import BackgroundTask


def batchable(task: BackgroundTask) -> bool:
    return not task.is_async and task.timeout is None


def batch_end(tasks: Sequence[BackgroundTask], start: int) -> int:
    """The index after the run of batchable tasks that begins at `start`."""
    end = start
    while end < len(tasks) and batchable(tasks[end]):
        end += 1
    return end


BatchOutcome = tuple[int, BaseException | None, Awaitable[Any] | None]
"""How many tasks completed; the exception of the next one, if it failed; or the
awaitable the next one returned (a sync wrapper of an async function), to await
on the loop."""


def run_batch(tasks: Sequence[BackgroundTask], abandoned: list[bool]) -> BatchOutcome:
    """Run `tasks` one by one in this (worker) thread until one fails, one returns
    an awaitable, or `abandoned[0]` is set by the cancelled caller."""
    for done, task in enumerate(tasks):
        if abandoned[0]:
            return done, None, None
        try:
            result = task.func(*task.args, **task.kwargs)
        except BaseException as exc:  # SystemExit and the like are failures too
            return done, exc, None
        if result is not None and inspect.isawaitable(result):
            return done, None, result
    return len(tasks), None, None
