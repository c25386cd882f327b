"""One background task: a callable with its arguments, run once."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from inspect import CO_COROUTINE
from types import FunctionType
from typing import Any, ParamSpec

import anyio
import anyio.to_thread

from ._callables import callable_name, is_async_callable
from ._options import TaskOptions

P = ParamSpec("P")


class BackgroundTask:
    """A function and its arguments, to run later with `await task()`.

    `async def` functions are awaited on the event loop; anything else runs in a
    worker thread so that it never blocks the loop. A sync task that is
    cancelled or times out is abandoned: its thread finishes on its own and its
    result is discarded.

    Raises `TypeError` if `func` is not callable.
    """

    __slots__ = ("args", "func", "is_async", "kwargs", "name", "timeout")

    def __init__(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> None:
        self._bind(func, args, kwargs)

    def _bind(
        self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        if not callable(func):
            raise TypeError(f"A background task must be callable, got {func!r}")
        self.func = func
        self.args = args
        self.kwargs = kwargs
        if type(func) is FunctionType and not func.__dict__:
            # A plain function (the common case): what the two calls below find.
            # (An attribute, such as inspect.markcoroutinefunction's mark, takes
            # the long way.)
            self.is_async = bool(func.__code__.co_flags & CO_COROUTINE)
            self.name = func.__name__
        else:
            self.is_async = is_async_callable(func)
            self.name = callable_name(func)
        self.timeout: float | None = None

    @classmethod
    def with_options(
        cls, options: TaskOptions, func: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs
    ) -> BackgroundTask:
        """A task with a name and/or timeout; all keyword arguments go to `func`.

        Raises `TypeError` if `func` is not callable."""
        task = cls.__new__(cls)
        task._bind(func, args, kwargs)
        if options.name is not None:
            task.name = options.name
        task.timeout = options.timeout
        return task

    async def __call__(self) -> Any:
        """Run the task once and return what the function returned.

        Raises what the function raised, and `TimeoutError` if it ran past the
        task's timeout."""
        if self.timeout is None:
            if self.is_async:
                return await self.func(*self.args, **self.kwargs)
            return await self._invoke()
        with anyio.fail_after(self.timeout):
            return await self._invoke()

    async def _invoke(self) -> Any:
        if self.is_async:
            return await self.func(*self.args, **self.kwargs)
        call = functools.partial(_call_boxed, self.func, self.args, self.kwargs)
        (result,) = await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
        if inspect.isawaitable(result):
            # A sync wrapper around an async function: finish its work on the loop.
            return await result
        return result

    def __repr__(self) -> str:
        return f"<BackgroundTask {self.name!r}>"


def _call_boxed(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any]:
    # Boxed so that a coroutine returned by a sync wrapper reaches the loop
    # (trio refuses a thread function that returns one).
    return (func(*args, **kwargs),)
