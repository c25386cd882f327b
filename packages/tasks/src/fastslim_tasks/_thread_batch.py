"""Consecutive sync tasks run in one worker-thread trip instead of one trip each.

The hop to a worker thread and back costs far more than a small sync task, so a
run of sync tasks (no timeout, no observer) goes to the thread once. Order and
error semantics are those of running them one by one: the batch stops at the
first failure, and a cancelled batch starts no further task; and each task runs
in its own copy of the caller's context, as it would in a trip of its own.
"""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Awaitable, Sequence
from typing import Any

from ._cancel_report import Progress
from ._task import BackgroundTask


def batchable(task: BackgroundTask) -> bool:
    return not task.is_async and task.timeout is None


def batch_end(tasks: Sequence[BackgroundTask], start: int) -> int:
    """The index after the run of batchable tasks that begins at `start`."""
    end = start
    count = len(tasks)
    while end < count:
        task = tasks[end]
        if task.is_async or task.timeout is not None:  # not batchable(task), inlined
            break
        end += 1
    return end


BatchOutcome = tuple[int, BaseException | None, Awaitable[Any] | None]
"""How many tasks completed; the exception of the next one, if it failed; or the
awaitable the next one returned (a sync wrapper of an async function), to await
on the loop."""


def run_batch(
    tasks: Sequence[BackgroundTask], abandoned: list[bool], progress: Progress | None = None
) -> BatchOutcome:
    """Run `tasks` one by one in this (worker) thread until one fails, one returns
    an awaitable, or `abandoned[0]` is set by the cancelled caller; `progress` (at
    the first task's index when called) follows each task that starts.

    Each task runs in a copy of the caller's context (this thread's, copied by the
    trip), never in one a task before it changed: tasks share a copy while they
    leave it as it was (an O(1) check when they set nothing), and the next task
    gets a fresh copy as soon as one sets a variable.
    """
    caller = contextvars.copy_context()
    start = 0
    offset = -1 if progress is None else progress.index
    outcome: BatchOutcome | None = None
    while outcome is None:
        context = caller.copy()
        start, outcome = context.run(
            _run_until_changed, tasks, start, abandoned, context, caller, progress, offset
        )
    return outcome


def _run_until_changed(
    tasks: Sequence[BackgroundTask],
    start: int,
    abandoned: list[bool],
    context: contextvars.Context,
    caller: contextvars.Context,
    progress: Progress | None,
    offset: int,
) -> tuple[int, BatchOutcome | None]:
    """Run tasks from `start` in `context` (the current one) until the batch ends
    (its outcome) or a task changes it (None, with the index to go on at)."""
    # A slice only when going on after a change: the common run takes none.
    for done, task in enumerate(tasks[start:] if start else tasks, start):
        if abandoned[0]:
            return done, (done, None, None)
        if progress is not None and done:
            progress.at(offset + done)
        try:
            result = task.func(*task.args, **task.kwargs)
        except BaseException as exc:  # SystemExit and the like are failures too
            return done, (done, exc, None)
        if result is not None and inspect.isawaitable(result):
            return done, (done, None, result)
        if context != caller:  # O(1) while no task set a variable
            return done + 1, None
    return len(tasks), (len(tasks), None, None)
