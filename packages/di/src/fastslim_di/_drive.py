"""Running the library's coroutines without an event loop (the sync driver).

Solving and cleanup are written once, as coroutines. The sync driver runs them
with `run_to_completion`, passing `run_inline` where the async driver passes
anyio's `to_thread.run_sync`: nothing they await then ever suspends.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from ._errors import FastSlimDIError

T = TypeVar("T")


async def run_inline(func: Callable[..., T], *args: Any) -> T:
    """The sync driver's `run_sync`: call `func` right here."""
    return func(*args)


def run_to_completion(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never suspends, without an event loop.

    Raises `FastSlimDIError` if it does try to suspend (it awaited something
    that needs an event loop); it is then closed.
    """
    try:
        coroutine.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    coroutine.close()
    raise FastSlimDIError(
        f"{coroutine!r} waited for an event loop while run synchronously; only sync "
        f"dependencies can be solved and cleaned up without one."
    )
