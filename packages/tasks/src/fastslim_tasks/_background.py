"""`BackgroundTasks`: the tasks of one request (or one job), run after it."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Sequence
from time import perf_counter as _perf_counter
from typing import Any, Literal, ParamSpec

import anyio
import anyio.to_thread
from anyio.abc import TaskGroup

from ._cancel_report import RUNNING, Progress, log_cancelled, report_cancelled_run
from ._context import InContext
from ._execution import EXIT_EXCEPTIONS, ErrorHook, execute, is_cancellation, report_failure
from ._observer import TaskObserver
from ._options import TaskOptions
from ._task import BackgroundTask
from ._thread_batch import batch_end, run_batch
from ._validation import positive_int

P = ParamSpec("P")

ErrorPolicy = Literal["raise", "continue"]
"""`"raise"` (FastAPI's behaviour): the first failure stops the tasks after it and
is re-raised. `"continue"`: every task runs; each failure is logged and passed to
the error hook."""

_ERROR_POLICIES = ("raise", "continue")


class BackgroundTasks:
    """A list of tasks run one after another, in the order added, by `await tasks()`.

    Used as FastAPI's `BackgroundTasks`: declare it as a parameter, call
    `add_task`, and the framework runs the tasks after the response is sent. A
    Starlette response accepts it as `background=`.

    Opt-in extras: `on_error="continue"` with an `error_hook`, `max_concurrency`
    above 1 (tasks start in the order added, at most that many at a time), an
    `observer` told of every start and end, and per-task `TaskOptions`.

    Raises `ValueError` for an unknown `on_error` or a `max_concurrency` that is
    not a positive int, and `TypeError` for an `error_hook` that is not callable.
    """

    def __init__(
        self,
        tasks: Sequence[BackgroundTask] | None = None,
        *,
        on_error: ErrorPolicy = "raise",
        error_hook: ErrorHook | None = None,
        max_concurrency: int = 1,
        observer: TaskObserver | None = None,
    ) -> None:
        if on_error not in _ERROR_POLICIES:
            raise ValueError(f"on_error must be 'raise' or 'continue', got {on_error!r}")
        if error_hook is not None and not callable(error_hook):
            raise TypeError(f"error_hook must be callable, got {error_hook!r}")
        self.tasks: list[BackgroundTask] = list(tasks) if tasks else []
        self.on_error: ErrorPolicy = on_error
        self.error_hook = error_hook
        self.max_concurrency = (
            1
            if type(max_concurrency) is int and max_concurrency == 1  # the default
            else positive_int("max_concurrency", max_concurrency)
        )
        self.observer = observer

    def add_task(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> None:
        """Add `func(*args, **kwargs)` to run after the ones already added.

        Raises `TypeError` if `func` is not callable."""
        self.tasks.append(BackgroundTask(func, *args, **kwargs))

    def add_task_with(
        self, options: TaskOptions, func: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs
    ) -> None:
        """Like `add_task`, with a name and/or timeout for this task; raises
        `TypeError` if `func` is not callable."""
        self.tasks.append(BackgroundTask.with_options(options, func, *args, **kwargs))

    async def __call__(self) -> None:
        """Run every task (those added while running included) per the settings.

        Raises, under `on_error="raise"` (the default), the first task's exception,
        whatever its type, after the tasks before it ran. Under `"continue"` it
        raises nothing a task raised, except a `KeyboardInterrupt` or `SystemExit`,
        re-raised (the first one) once every task has run. A cancellation of the
        caller propagates and starts no further task; each task it stopped or kept
        from starting is logged on the `fastslim.tasks` logger (running or waiting,
        for how long), and the observer is told of the ones that never started.
        """
        progress = Progress()
        try:
            if self.max_concurrency != 1:
                await self._run_concurrently(progress)
            elif self.observer is not None:
                await self._run_observed(self.observer, progress)
            else:
                await self._run_in_order(progress)
        except anyio.get_cancelled_exc_class():
            report_cancelled_run(self.tasks, progress, self.observer)
            raise

    async def _run_in_order(self, progress: Progress) -> None:
        tasks = self.tasks
        exit_exception: BaseException | None = None
        index = 0
        # len() each time: a task may add tasks while running.
        while index < len(tasks):
            task = tasks[index]
            # `progress.at(index)`, inlined (once per task of every request).
            progress.index = index
            index += 1
            progress.next = index
            progress.started = _perf_counter()
            if task.timeout is None:
                if task.is_async:
                    try:
                        # The common case, without the frames of task() and execute().
                        await task.func(*task.args, **task.kwargs)
                    except Exception as exc:
                        self._failed(task, exc)
                    except BaseException as exc:
                        exit_exception = exit_exception or self._failed_base(task, exc)
                    continue
                index, stopped = await self._run_sync_batch(index - 1, progress)
                exit_exception = exit_exception or stopped
                continue
            try:
                await task()
            except Exception as exc:
                self._failed(task, exc)
            except BaseException as exc:
                exit_exception = exit_exception or self._failed_base(task, exc)
        progress.index = -1
        if exit_exception is not None:
            raise exit_exception

    async def _run_observed(self, observer: TaskObserver, progress: Progress) -> None:
        """One by one, each task through `execute` (no batching): the observer is
        told of every start and end."""
        tasks = self.tasks
        exit_exception: BaseException | None = None
        index = 0
        while index < len(tasks):
            task = tasks[index]
            progress.at(index)
            index += 1
            try:
                await execute(task, observer)
            except Exception as exc:
                self._failed(task, exc)
            except BaseException as exc:
                exit_exception = exit_exception or self._failed_base(task, exc)
        progress.index = -1
        if exit_exception is not None:
            raise exit_exception

    async def _run_sync_batch(
        self, start: int, progress: Progress
    ) -> tuple[int, BaseException | None]:
        """Run the sync tasks from `start` in one thread trip (which moves `progress`
        from task to task); the index to go on at, and a `KeyboardInterrupt` or
        `SystemExit` to re-raise at the end."""
        end = batch_end(self.tasks, start)
        abandoned = [False]  # read by the thread between tasks
        try:
            done, exc, awaitable = await anyio.to_thread.run_sync(
                run_batch, self.tasks[start:end], abandoned, progress, abandon_on_cancel=True
            )
        except BaseException:
            abandoned[0] = True  # cancelled: the thread starts no further task
            raise
        index = start + done
        if index == end:
            return end, None
        task = self.tasks[index]
        if awaitable is not None:
            try:
                await awaitable
            except BaseException as error:
                exc = error
        if exc is None:
            return index + 1, None
        if isinstance(exc, Exception):
            self._failed(task, exc)
            return index + 1, None
        return index + 1, self._failed_base(task, exc)

    def _failed(self, task: BackgroundTask, exc: Exception) -> None:
        report_failure(task, exc, self.error_hook)
        if self.on_error == "raise":
            raise exc

    def _failed_base(self, task: BackgroundTask, exc: BaseException) -> BaseException | None:
        """A task raised a `BaseException` that is not an `Exception`: a cancellation
        propagates; anything else is a failure, re-raised at once under `"raise"`;
        under `"continue"`, a `KeyboardInterrupt` or `SystemExit` is returned, to
        re-raise once every task has run."""
        if is_cancellation(exc):
            raise exc
        report_failure(task, exc, self.error_hook)
        if self.on_error == "raise":
            raise exc
        return exc if isinstance(exc, EXIT_EXCEPTIONS) else None

    async def _run_concurrently(self, progress: Progress) -> None:
        first_failure: list[BaseException] = []
        exit_exceptions: list[BaseException] = []
        caller = contextvars.copy_context()

        async def worker(group: TaskGroup) -> None:
            # Workers take tasks by index (progress.next), so tasks start in the
            # order added whatever order the event loop runs the workers in.
            while progress.next < len(self.tasks):
                task = self.tasks[progress.next]
                progress.next += 1
                started = time.perf_counter()
                try:
                    # Each task in its own copy of the caller's context: what one
                    # sets is never seen by another one run by the same worker.
                    await InContext(caller.copy(), execute(task, self.observer))
                except BaseException as exc:
                    # Never into the task group: it would wrap the failure in a group.
                    if is_cancellation(exc):
                        if not first_failure:  # cancelled from outside, not by a failure
                            seconds = time.perf_counter() - started
                            log_cancelled("Background task", task, RUNNING, seconds)
                        raise
                    report_failure(task, exc, self.error_hook)
                    if self.on_error == "raise":
                        if not first_failure:
                            first_failure.append(exc)
                            group.cancel_scope.cancel()
                    elif isinstance(exc, EXIT_EXCEPTIONS):
                        exit_exceptions.append(exc)

        async with anyio.create_task_group() as group:
            for _ in range(min(self.max_concurrency, len(self.tasks))):
                group.start_soon(worker, group)
        if first_failure:
            raise first_failure[0]
        if exit_exceptions:
            raise exit_exceptions[0]

    def __repr__(self) -> str:
        return f"<BackgroundTasks {[task.name for task in self.tasks]!r}>"
