"""`TaskRunner`: a long-lived runner for work that must not hold a request."""

from __future__ import annotations

import contextvars
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar, overload

import anyio
import anyio.lowlevel
from anyio.abc import TaskGroup

from ._cancel_report import log_cancelled, never_started
from ._context import InContext
from ._errors import QueueFullError, RunnerClosedError, TaskNotFoundError, TaskRunnerError
from ._execution import EXIT_EXCEPTIONS, ErrorHook, execute, is_cancellation, report_failure
from ._handle import TaskHandle
from ._loop_bridge import LoopBridge
from ._observer import TaskObserver
from ._options import TaskOptions
from ._status import TaskStatus
from ._task import BackgroundTask
from ._validation import non_negative_int_or_none, positive_int, seconds_or_none

if TYPE_CHECKING:
    from ._backend import TaskBackend

P = ParamSpec("P")
T = TypeVar("T")


class TaskRunner:
    """Runs submitted tasks in the background, at most `max_concurrency` at a time.

    ```
    async with TaskRunner(max_concurrency=4, max_pending=100, drain_timeout=10) as runner:
        handle = runner.submit(build_report, month)
    ```

    Tasks start in the order submitted. At most `max_pending` tasks wait for a
    slot (None: no limit); `submit` on a full queue raises `QueueFullError`
    rather than wait or drop the task. `submit` works on the event loop and from
    any other thread. Each task runs in its own copy of the context
    (contextvars) the runner was entered in, whoever submitted it. A failing
    task (any exception but a cancellation) is logged on the `fastslim.tasks`
    logger and passed to `error_hook` (an `Exception`); it never stops the
    runner.

    Leaving the `async with` block, whatever the way (normally, by an exception,
    by an outer cancellation), drains the runner: running and queued tasks get
    up to `drain_timeout` seconds (None: no limit) to finish, then the rest are
    cancelled and each is logged once on `fastslim.tasks` with its name, what it
    was doing and for how long (`Task "report 3" was cancelled while pending (for
    2.00 s): ...`). The observer hears of every task that ends, a pending one that
    is cancelled (at the deadline or by `handle.cancel()`) included.

    `backend=` runs the tasks elsewhere (a `fastslim_tasks.backend.TaskBackend`,
    such as fastslim-tasks-celery's `CeleryBackend`) behind the same `submit`,
    handles and `handle(task_id)`; `max_pending` then counts this runner's tasks
    that the backend has not started yet (`QueueFullError` when as many wait);
    `max_concurrency`, `error_hook` and `observer` belong to the backend and are
    not used, and leaving the block hands the drain (with `drain_timeout`) to the
    backend.
    Without one (the default) tasks run in this process, as described above.

    Raises `ValueError` for a `max_concurrency` that is not a positive int, a
    `max_pending` that is not a non-negative int or None, or a negative
    `drain_timeout`; `TypeError` for an `error_hook` that is not callable, or a
    `backend` without the protocol's methods.
    """

    def __init__(
        self,
        *,
        max_concurrency: int = 10,
        max_pending: int | None = 1000,
        drain_timeout: float | None = 30.0,
        error_hook: ErrorHook | None = None,
        observer: TaskObserver | None = None,
        backend: TaskBackend | None = None,
    ) -> None:
        self.max_concurrency = positive_int("max_concurrency", max_concurrency)
        self.max_pending = non_negative_int_or_none("max_pending", max_pending)
        self.drain_timeout = seconds_or_none("drain_timeout", drain_timeout)
        if error_hook is not None and not callable(error_hook):
            raise TypeError(f"error_hook must be callable, got {error_hook!r}")
        self.error_hook = error_hook
        self.observer = observer
        if backend is not None:
            missing = [
                name
                for name in ("open", "submit", "lookup", "close")
                if not callable(getattr(backend, name, None))
            ]
            if missing:
                raise TypeError(
                    f"backend must be a TaskBackend; {backend!r} lacks {', '.join(missing)}"
                )
        self.backend = backend
        # Handles whose id was asked for, so that handle(task_id) finds them.
        self._by_id: weakref.WeakValueDictionary[str, TaskHandle[Any]] = (
            weakref.WeakValueDictionary()
        )
        # Insertion-ordered, with O(1) removal of any handle (a cancelled one).
        self._pending: OrderedDict[TaskHandle[Any], None] = OrderedDict()
        # With a backend: what this runner submitted there, not yet seen started.
        self._sent: OrderedDict[TaskHandle[Any], None] = OrderedDict()
        self._running = 0
        self._workers = 0
        self._group: TaskGroup | None = None
        self._bridge = LoopBridge()
        self._closed = False
        self._deadline_passed = False
        self._exit_exception: BaseException | None = None
        self._context = contextvars.Context()  # replaced by a snapshot on entry
        self._idle: anyio.Event | None = None
        self._wakeup: anyio.Event | None = None
        # Shielded: a cancellation of the `async with` body (an outer cancel scope)
        # never reaches the tasks, so leaving by cancellation drains like any exit.
        self._service_scope = anyio.CancelScope(shield=True)

    # -- lifecycle ---------------------------------------------------------

    async def __aenter__(self) -> TaskRunner:
        """Start the runner. Raises `TaskRunnerError` if it was entered before."""
        if self._group is not None or self._closed:
            state = "closed" if self._closed else "running"
            raise TaskRunnerError(f"A TaskRunner can be entered only once; {self!r} is {state}")
        # Each task runs in its own copy of this snapshot of the entering context.
        self._context = contextvars.copy_context()
        group = anyio.create_task_group()
        await group.__aenter__()
        if self.backend is not None:
            try:
                await self.backend.open(group)
            except BaseException:
                await group.__aexit__(None, None, None)
                self._closed = True
                raise
        self._group = group
        self._bridge.open()
        if self.backend is None:
            group.start_soon(self._serve)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool | None:
        """Drain and stop the runner (see the class). Never swallows the body's
        exception. If a task raised `KeyboardInterrupt` or `SystemExit` and the
        body left without an exception, re-raises the first of them once every
        task has finished. Raises `TaskRunnerError` if the runner was never
        entered."""
        group = self._group
        if group is None:
            raise TaskRunnerError(f"TaskRunner.__aexit__ was called on {self!r}, never entered")
        self._closed = True
        with anyio.CancelScope(shield=True):
            try:
                if self.backend is not None:
                    await self.backend.close(self.drain_timeout)
                else:
                    await self._drain()
                self._service_scope.cancel()
            finally:
                # Calls from other threads already on their way are served before
                # the loop may end (submit: RunnerClosedError; cancel: a bool).
                await self._bridge.close()
        # Tasks never raise into the group (failures live in their handles), so
        # exiting it cleanly lets an exception of the body propagate unwrapped.
        await group.__aexit__(None, None, None)
        if self._exit_exception is not None and exc is None:
            # A task raised KeyboardInterrupt or SystemExit: now that every task
            # has finished, the request to stop goes on to the caller.
            raise self._exit_exception
        return None

    async def _drain(self) -> None:
        with anyio.move_on_after(self.drain_timeout):
            while self._busy():
                self._idle = anyio.Event()
                await self._idle.wait()
        if not self._busy():
            return
        # Past the deadline: pending tasks never start, running ones are cancelled
        # (by the caller, through the service scope) and each is logged by name.
        self._deadline_passed = True
        while self._pending:
            handle, _ = self._pending.popitem(last=False)
            self._log_drain_cancel(handle, "pending")
            handle._finish(TaskStatus.CANCELLED)
            never_started(self.observer, handle.task)

    def _busy(self) -> bool:
        return self._workers > 0 or bool(self._pending)

    def _log_drain_cancel(self, handle: TaskHandle[Any], state: str) -> None:
        reason = f": the TaskRunner's drain timeout of {self.drain_timeout} s expired"
        log_cancelled("Task", handle.task, state, handle._seconds(), reason)

    # -- submitting --------------------------------------------------------

    @overload
    def submit(
        self, func: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs
    ) -> TaskHandle[T]: ...

    @overload
    def submit(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> TaskHandle[T]: ...

    def submit(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> TaskHandle[Any]:
        """Queue `func(*args, **kwargs)`; returns its handle at once, never blocks
        on the queue. Callable on the event loop and from any other thread.

        Raises `RunnerClosedError` if the runner is not running (not entered yet,
        or leaving), `QueueFullError` if `max_pending` tasks already wait, and
        `TypeError` if `func` is not callable.
        """
        return self._submit(BackgroundTask(func, *args, **kwargs))

    @overload
    def submit_with(
        self,
        options: TaskOptions,
        func: Callable[P, Awaitable[T]],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> TaskHandle[T]: ...

    @overload
    def submit_with(
        self, options: TaskOptions, func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
    ) -> TaskHandle[T]: ...

    def submit_with(
        self, options: TaskOptions, func: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs
    ) -> TaskHandle[Any]:
        """Like `submit`, with a name and/or timeout for this task; raises as
        `submit` does."""
        return self._submit(BackgroundTask.with_options(options, func, *args, **kwargs))

    def _submit(self, task: BackgroundTask) -> TaskHandle[Any]:
        if self._bridge.on_loop_thread():
            return self._enqueue(task)
        return self._bridge.call(self._enqueue, task, closed=lambda: self._refuse(task))

    def _refuse(self, task: BackgroundTask) -> NoReturn:
        state = "closed" if self._closed else "not running (enter it with async with)"
        raise RunnerClosedError(f'Cannot submit "{task.name}": the TaskRunner is {state}')

    def _enqueue(self, task: BackgroundTask) -> TaskHandle[Any]:
        if self._group is None or self._closed:
            self._refuse(task)
        if self.backend is not None:
            return self._submit_to_backend(task, self.backend)
        if self.max_pending is not None:
            waiting = len(self._pending) + self._running - self.max_concurrency
            if waiting >= self.max_pending:
                raise QueueFullError(
                    f'Cannot submit "{task.name}": the TaskRunner\'s queue is full '
                    f"({max(waiting, 0)} pending, max_pending={self.max_pending}, "
                    f"{self._running} running, max_concurrency={self.max_concurrency})"
                )
        handle: TaskHandle[Any] = TaskHandle(task, self._cancel, register=self._register)
        self._pending[handle] = None
        if self._workers < self.max_concurrency and self._wakeup is not None:
            self._wakeup.set()
        return handle

    def _register(self, handle: TaskHandle[Any]) -> None:
        self._by_id[handle.id] = handle

    def _submit_to_backend(self, task: BackgroundTask, backend: TaskBackend) -> TaskHandle[Any]:
        if self.max_pending is None:
            return backend.submit(task)
        if len(self._sent) >= self.max_pending:
            # Forget those that started or finished since (only when full: a
            # submit costs O(1) until then).
            self._sent = OrderedDict(
                (h, None) for h in self._sent if h.status is TaskStatus.PENDING
            )
            if len(self._sent) >= self.max_pending:
                raise QueueFullError(
                    f'Cannot submit "{task.name}": the TaskRunner\'s queue is full '
                    f"({len(self._sent)} of its tasks pending on {backend!r}, "
                    f"max_pending={self.max_pending})"
                )
        handle = backend.submit(task)
        self._sent[handle] = None
        return handle

    async def handle(self, task_id: str) -> TaskHandle[Any]:
        """The handle of the task with id `task_id` (`handle.id`), with its current
        status.

        In process: a task of this runner whose handle is still referenced (the
        id was read, so someone kept it). On a backend: whatever the backend
        knows, also a task submitted by another process (see the backend).

        Raises `TaskNotFoundError` (a `LookupError`) for an id the runner does
        not know, and `TypeError` for one that is not a string."""
        if not isinstance(task_id, str):
            raise TypeError(f"A task id is a string, got {task_id!r}")
        if self.backend is not None:
            return await self.backend.lookup(task_id)
        await anyio.lowlevel.checkpoint()
        handle = self._by_id.get(task_id)
        if handle is None:
            raise TaskNotFoundError(f"No task with id {task_id!r} in {self!r}")
        return handle

    # -- running -----------------------------------------------------------

    async def _serve(self) -> None:
        # The workers live in a task group of their own, inside the shielded
        # service scope: only the drain's deadline cancels them. A worker runs one
        # task after another, each in its own copy of the runner's context (see
        # _run), whoever submitted it (a request, a worker thread).
        with self._service_scope:
            async with anyio.create_task_group() as workers:
                while True:
                    wakeup = self._wakeup = anyio.Event()
                    # Enough workers for the running tasks and the pending ones.
                    while self._workers < min(
                        self.max_concurrency, self._running + len(self._pending)
                    ):
                        self._workers += 1
                        workers.start_soon(self._work)
                    await wakeup.wait()

    async def _work(self) -> None:
        # Workers take handles from the left of the queue, so tasks start in the
        # order submitted whatever order the event loop runs the workers in.
        try:
            while self._pending:
                await self._run(self._pending.popitem(last=False)[0])
        finally:
            self._workers -= 1
            self._signal_if_idle()

    async def _run(self, handle: TaskHandle[Any]) -> None:
        scope = handle._scope = anyio.CancelScope()
        handle._start()
        self._running += 1
        try:
            with scope:
                try:
                    result = await InContext(self._context.copy(), self._coroutine(handle.task))
                except Exception as exc:
                    self._failed(handle, exc)
                except BaseException as exc:
                    if is_cancellation(exc):
                        raise
                    self._failed(handle, exc)
                    if isinstance(exc, EXIT_EXCEPTIONS) and self._exit_exception is None:
                        self._exit_exception = exc
                else:
                    handle._finish(TaskStatus.DONE, result)
        finally:
            self._running -= 1
            if not handle.done():
                handle._finish(TaskStatus.CANCELLED)
                if self._deadline_passed:
                    self._log_drain_cancel(handle, "running")

    def _coroutine(self, task: BackgroundTask) -> Coroutine[Any, Any, Any]:
        if task.is_async and task.timeout is None and self.observer is None:
            # The common case, without the frames of task() and execute().
            coro: Coroutine[Any, Any, Any] = task.func(*task.args, **task.kwargs)
            return coro
        return execute(task, self.observer)

    def _failed(self, handle: TaskHandle[Any], exc: BaseException) -> None:
        report_failure(handle.task, exc, self.error_hook)
        handle._finish(TaskStatus.FAILED, exc=exc)

    def _signal_if_idle(self) -> None:
        if self._idle is not None and not self._busy():
            self._idle.set()

    def _cancel(self, handle: TaskHandle[Any]) -> bool:
        if self._bridge.on_loop_thread():
            return self._cancel_on_loop(handle)
        # Closed to threads: the runner has drained, so its tasks have finished
        # or are being cancelled by the deadline.
        return self._bridge.call(self._cancel_on_loop, handle, closed=lambda: False)

    def _cancel_on_loop(self, handle: TaskHandle[Any]) -> bool:
        if handle.done():
            return False
        if handle._scope is not None:
            handle._scope.cancel()
        else:
            del self._pending[handle]  # O(1), wherever it waits in the queue
            handle._finish(TaskStatus.CANCELLED)
            never_started(self.observer, handle.task)
            self._signal_if_idle()
        return True

    def __repr__(self) -> str:
        if self.backend is not None:
            return f"<TaskRunner backend={self.backend!r}>"
        return (
            f"<TaskRunner running={self._running} pending={len(self._pending)} "
            f"max_concurrency={self.max_concurrency}>"
        )
