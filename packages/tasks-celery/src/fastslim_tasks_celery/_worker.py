"""The Celery app of both sides, and how a worker runs a fastslim task.

A worker runs only the functions of the modules it was built with (an
allow-list): each function defined at the top level of one of them is a Celery
task named `module:qualname`, and a message naming anything else is refused by
Celery itself (`NotRegistered`, the task failed). No name that a message chose
is ever imported.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import logging
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

import anyio
from celery import Celery, Task
from celery.exceptions import Ignore

from ._backend import TIMEOUT_HEADER
from ._json import WHAT_JSON_IS, json_problem
from ._names import SEPARATOR
from ._records import cancelled
from ._states import BEAT_EVERY_KEY, BEAT_KEY

logger = logging.getLogger("fastslim.tasks")

# JSON both ways; one message at a time per process, so a task waits on the
# broker rather than behind a long one in a busy worker's prefetch.
CONFIG: dict[str, Any] = {
    "task_serializer": "json",
    "result_serializer": "json",
    "accept_content": ["json"],
    "result_extended": True,
    "worker_prefetch_multiplier": 1,
    "broker_connection_retry_on_startup": True,
}


def celery_app(
    broker: str,
    *,
    backend: str | None = None,
    modules: Iterable[str] = (),
    name: str = "fastslim",
    heartbeat: float = 2.0,
    async_backend: str = "asyncio",
    **config: Any,
) -> Celery:
    """A Celery app for fastslim tasks: the submitter's (`CeleryBackend(app)`)
    and, with `modules`, the worker's (`celery -A your.module worker`, where
    `your.module` holds `app = celery_app(...)`).

    `broker` is the broker URL (`redis://127.0.0.1:6379/0`), `backend` the
    result backend's (default: the broker's). `modules` are imported now; each
    function defined at the top level of one of them becomes the task
    `module:qualname`. On the worker, an `async def` task runs under
    `anyio.run` on `async_backend` ("asyncio" or "trio"), a running task
    stores a heartbeat every `heartbeat` seconds (how a submitter tells that
    its worker died), and a task cancelled before it started is skipped.
    Other keyword arguments are Celery settings (`app.conf`), applied last.
    Celery's warm shutdown (SIGTERM) is the worker's drain: running tasks
    finish, unstarted ones go back to the broker.

    Raises `ImportError` for a module that cannot be imported, `ValueError`
    for a `heartbeat` that is not a positive number.
    """
    if isinstance(heartbeat, bool) or not isinstance(heartbeat, int | float) or heartbeat <= 0:
        raise ValueError(f"heartbeat must be a positive number of seconds, got {heartbeat!r}")
    app = Celery(name, broker=broker, backend=backend or broker, set_as_current=False)
    app.conf.update(CONFIG)
    app.conf.update(config)
    for module_name in modules:
        module = importlib.import_module(module_name)
        for attr, value in vars(module).items():
            if _defined_here(value, module_name, attr):
                _register(app, value, heartbeat, async_backend)
    return app


def _defined_here(value: Any, module_name: str, attr: str) -> bool:
    return (
        inspect.isfunction(value)
        and value.__module__ == module_name
        and value.__qualname__ == attr
        and value.__name__ != "<lambda>"
    )


def _register(app: Celery, func: Callable[..., Any], heartbeat: float, backend: str) -> None:
    name = f"{func.__module__}{SEPARATOR}{func.__qualname__}"
    is_async = inspect.iscoroutinefunction(func)

    @functools.wraps(func)
    def run(task: Task[Any, Any], *args: Any, **kwargs: Any) -> Any:
        return _execute(task, func, is_async, backend, heartbeat, args, kwargs)

    app.task(name=name, bind=True, shared=False)(run)


def _execute(
    task: Task[Any, Any],
    func: Callable[..., Any],
    is_async: bool,
    backend: str,
    heartbeat: float,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> Any:
    request = task.request
    task_id: str = request.id or ""  # set for a task run by a worker
    if cancelled(task.backend, task_id):
        task.backend.mark_as_revoked(task_id, "cancelled by its submitter", request=request)
        raise Ignore()
    with _Heartbeat(task, heartbeat):
        if is_async:
            timeout = getattr(request, TIMEOUT_HEADER, None)
            result = anyio.run(_call_async, func, args, kwargs, timeout, backend=backend)
        else:
            result = func(*args, **kwargs)
    problem = json_problem(result, "the result")
    if problem is not None:
        raise TypeError(
            f'Task "{func.__name__}" returned a value that is not JSON: {problem} '
            f"(a result crosses processes as JSON: {WHAT_JSON_IS})"
        )
    return result


async def _call_async(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], timeout: float | None
) -> Any:
    with anyio.fail_after(timeout):
        return await func(*args, **kwargs)


class _Heartbeat:
    """Stores the task as STARTED now, then again every `every` seconds with a
    counter, from a thread, until the task's body returns."""

    def __init__(self, task: Task[Any, Any], every: float) -> None:
        # Celery's request is thread-local: the thread gets what it needs now.
        self._backend = task.backend
        self._request = task.request
        self._task_id: str = task.request.id or ""
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="fastslim-heartbeat", daemon=True)

    def __enter__(self) -> None:
        self._store(0)
        self._thread.start()

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        count = 0
        while not self._stop.wait(self._every):
            count += 1
            try:
                self._store(count)
            except Exception as exc:
                logger.warning("The heartbeat of task %s failed: %r", self._task_id, exc)

    def _store(self, count: int) -> None:
        meta = {
            BEAT_KEY: count,
            BEAT_EVERY_KEY: self._every,
            "pid": os.getpid(),
            "hostname": self._request.hostname,
        }
        self._backend.store_result(self._task_id, meta, "STARTED", request=self._request)
