"""The name a function travels under: `module:qualname`, or why it cannot travel.

A Celery worker runs a task by name, from a module it imported itself (see
`celery_app(modules=...)`), so only a function that such a module defines at its
top level can cross: not a lambda, a closure, a bound method, a function of
`__main__` (the worker's `__main__` is not the submitter's), a partial or a
callable object.
"""

from __future__ import annotations

import functools
import inspect
import sys
from typing import Any

SEPARATOR = ":"


def task_name(func: Any, shown: str) -> str:
    """`module:qualname` of `func`, the name its Celery task is registered under.

    Raises `TypeError`, naming the task (`shown`) and what it is, for a callable
    that a worker could not import by that name."""
    problem = _why_not_importable(func)
    if problem is not None:
        raise TypeError(
            f'Cannot submit "{shown}" to Celery: {problem}. A Celery worker imports a task '
            "by name: submit a function defined at the top level of a module the worker "
            "loads (celery_app(modules=[...]))."
        )
    return f"{func.__module__}{SEPARATOR}{func.__qualname__}"


def _why_not_importable(func: Any) -> str | None:
    if isinstance(func, functools.partial):
        return f"{func!r} is a functools.partial (pass its function and arguments instead)"
    if inspect.ismethod(func):
        return f"{func!r} is a bound method (its instance cannot be sent)"
    if not inspect.isfunction(func):
        return f"{func!r} is not a function"
    qualname: str = func.__qualname__
    module: str = func.__module__
    if func.__name__ == "<lambda>":
        return "it is a lambda"
    if "<locals>" in qualname:
        return f"{qualname} is a closure (defined inside another function)"
    if module == "__main__":
        return f"{qualname} is defined in __main__ (a worker's __main__ is another program)"
    if "." in qualname:
        return f"{qualname} is not defined at the top level of {module}"
    if getattr(sys.modules.get(module), qualname, None) is not func:
        return f"{module}.{qualname} is not the name this function can be found under"
    return None
