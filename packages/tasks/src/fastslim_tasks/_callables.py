"""What kind of callable a task is: awaited on the loop, or run in a thread."""

from __future__ import annotations

import functools
import inspect
from typing import Any


def unwrap_partial(func: Any) -> Any:
    """The callable beneath any number of `functools.partial` layers."""
    while isinstance(func, functools.partial):
        func = func.func
    return func


def is_async_callable(func: object) -> bool:
    """True when calling `func` returns a coroutine to await on the event loop.

    Sees through `functools.partial` and callable instances whose `__call__` is
    an `async def`.
    """
    target = unwrap_partial(func)
    if inspect.iscoroutinefunction(target):
        return True
    if callable(target) and not inspect.isroutine(target) and not inspect.isclass(target):
        return inspect.iscoroutinefunction(type(target).__call__)
    return False


def callable_name(func: object) -> str:
    """The short name used in messages and logs, as every fastslim package names a
    callable: the function's or class's `__name__`, the class name of a callable
    instance, through any `functools.partial`."""
    target = unwrap_partial(func)
    name = getattr(target, "__name__", None)
    if isinstance(name, str):
        return name
    return type(target).__name__
