"""A backend-agnostic counter of concurrent calls (`Depends(max_concurrency=...)`).

anyio's own primitives bind to the event loop that first uses them; a `Depends`
object lives at module level and may be used under asyncio and trio in one
process, so its slots are plain counters and each waiter creates its own event.
"""

from __future__ import annotations

from collections import deque

import anyio


class SlotLimiter:
    """At most `total` holders at once; others wait in arrival order."""

    __slots__ = ("_borrowed", "_waiters", "total")

    def __init__(self, total: int) -> None:
        self.total = total
        self._borrowed = 0
        self._waiters: deque[anyio.Event] = deque()

    @property
    def borrowed(self) -> int:
        """How many slots are held right now."""
        return self._borrowed

    async def acquire(self) -> None:
        """Take a slot, waiting for one if all are held."""
        if self._borrowed < self.total and not self._waiters:
            self._borrowed += 1
            return
        event = anyio.Event()
        self._waiters.append(event)
        try:
            await event.wait()
        except BaseException:
            if event in self._waiters:
                self._waiters.remove(event)
            else:  # a slot was handed over to us just as we were cancelled
                self.release()
            raise

    def release(self) -> None:
        """Give a slot back, handing it straight to the first waiter if any."""
        if self._waiters:
            self._waiters.popleft().set()
        else:
            self._borrowed -= 1
