"""A request's background tasks run through Starlette's `BackgroundTask.__call__`
when some code replaced that method (OpenTelemetry's FastAPI instrumentation wraps
it to give each task a span): FastAPI's tasks are Starlette's, so such a wrapper
sees every task; fastslim's then do too. Otherwise fastslim-tasks runs them itself.
"""

from __future__ import annotations

from typing import Any

from starlette.background import BackgroundTask as StarletteBackgroundTask

from fastslim_tasks import BackgroundTasks

__all__ = ("background_of",)

_STARLETTE_CALL = StarletteBackgroundTask.__call__


class _ThroughStarlette:
    """The tasks, in order (those added while running included), each awaited as a
    Starlette `BackgroundTask` of the task's own function (one with a timeout, of
    the task itself); the first failure stops the rest, as FastAPI's."""

    __slots__ = ("tasks",)

    def __init__(self, tasks: BackgroundTasks) -> None:
        self.tasks = tasks

    async def __call__(self) -> None:
        items = self.tasks.tasks
        index = 0
        while index < len(items):
            task = items[index]
            index += 1
            if task.timeout is None:
                await StarletteBackgroundTask(task.func, *task.args, **task.kwargs)()
            else:
                await StarletteBackgroundTask(task)()


def background_of(tasks: BackgroundTasks) -> Any:
    """What the response runs after it is sent: `tasks`, or a runner through
    Starlette's `BackgroundTask.__call__` when it was replaced."""
    if StarletteBackgroundTask.__call__ is _STARLETTE_CALL:
        return tasks
    return _ThroughStarlette(tasks)
