"""Calls from other threads into the event loop a runner runs on.

A call from a thread goes to the loop and waits for its result. It must never
reach a loop that has finished (anyio would raise `RunFinishedError`, or, on
asyncio, the call could be dropped and the thread wait forever). So the bridge
counts the calls on their way, refuses new ones once closed, and its owner
awaits `close()` before the loop may end: every call accepted is served.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.from_thread
import anyio.lowlevel

A = TypeVar("A")
R = TypeVar("R")


class LoopBridge:
    """Runs `func(arg)` on the event loop for a caller in another thread."""

    __slots__ = ("_in_flight", "_lock", "_loop_thread", "_served", "_token")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token: anyio.lowlevel.EventLoopToken | None = None
        self._loop_thread: int | None = None
        self._in_flight = 0
        self._served: anyio.Event | None = None

    def open(self) -> None:
        """Accept calls into the current event loop (call it on that loop)."""
        self._token = anyio.lowlevel.current_token()
        self._loop_thread = threading.get_ident()

    def on_loop_thread(self) -> bool:
        """True when called on the thread of the loop the bridge was opened on
        (still after it closed: the owner then answers such calls itself)."""
        return self._loop_thread == threading.get_ident()

    def call(self, func: Callable[[A], R], arg: A, *, closed: Callable[[], R]) -> R:
        """`func(arg)` run on the loop, from another thread; `closed()` instead
        once the bridge is closed (or before it opens)."""
        with self._lock:
            token = self._token
            if token is None:
                return closed()
            self._in_flight += 1
        return anyio.from_thread.run_sync(self._serve, func, arg, token=token)

    def _serve(self, func: Callable[[A], R], arg: A) -> R:
        try:
            return func(arg)
        finally:
            with self._lock:
                self._in_flight -= 1
                idle = self._in_flight == 0
            if idle and self._served is not None:
                self._served.set()

    async def close(self) -> None:
        """Refuse new calls, then wait until every call accepted has been served."""
        with self._lock:
            self._token = None
            busy = self._in_flight > 0
        if busy:
            self._served = anyio.Event()
            await self._served.wait()
