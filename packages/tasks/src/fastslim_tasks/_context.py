"""Running a coroutine in a context of its own, without a task of its own.

A runner's worker runs one task after another; each must see its own copy of the
runner's context (its contextvars), not what the task before it set. Starting a
new event-loop task per task would give that, at several times the cost; instead
each step of the task's coroutine runs inside its own `contextvars.Context`, as
an event loop's task does for the coroutine it drives.
"""

from __future__ import annotations

import contextvars
from collections.abc import Coroutine, Generator
from typing import Any, TypeVar

T = TypeVar("T")


class InContext:
    """`await InContext(context, coro)`: run `coro` to its end inside `context`.

    Every value the coroutine yields goes to the event loop unchanged, and every
    value or exception the loop sends back (a cancellation included) goes to the
    coroutine; only the context it runs in differs. `context` must be entered by
    nothing else while the coroutine runs (give each coroutine a fresh copy).
    """

    __slots__ = ("_context", "_coro")

    def __init__(self, context: contextvars.Context, coro: Coroutine[Any, Any, Any]) -> None:
        self._context = context
        self._coro = coro

    def __await__(self) -> Generator[Any, Any, Any]:
        coro = self._coro
        run = self._context.run
        step: Any = coro.send
        argument: Any = None
        while True:
            try:
                yielded = run(step, argument)
            except StopIteration as stop:
                return stop.value
            try:
                argument = yield yielded
                step = coro.send
            except GeneratorExit:
                run(coro.close)
                raise
            except BaseException as exc:
                argument = exc
                step = coro.throw
