"""The read timeout of a request, applied to each wait for the app.

httpx attaches a request's timeouts to `request.extensions["timeout"]`. An app
called in-process has no connection to open or pool to wait for, and its
request body is handed over at once, so only the read timeout applies: it
bounds each wait for the app (the response start, every body chunk, the end of
the app call), not the whole exchange, as httpx bounds each network read.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import anyio
import httpx

from ._errors import AppTimeout

T = TypeVar("T")


def read_timeout(request: httpx.Request) -> float | None:
    """The read timeout httpx set on `request`, in seconds (None: no limit)."""
    timeouts = request.extensions.get("timeout") or {}
    seconds = timeouts.get("read")
    return None if seconds is None else float(seconds)


class ReadDeadline:
    """Bounds each wait for the app by the read timeout of one request."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        self.seconds = read_timeout(request)

    async def wait(
        self,
        waiting: Callable[[], Awaitable[T]],
        on_timeout: Callable[[], Awaitable[object]],
        template: str,
    ) -> T:
        """Await `waiting()`; past the read timeout, await `on_timeout()` and raise.

        Raises `AppTimeout` (an `httpx.ReadTimeout`) whose message is `template`
        formatted with `request` (e.g. `GET http://testserver/items`) and
        `seconds` (the read timeout).
        """
        if self.seconds is None:
            return await waiting()
        with anyio.move_on_after(self.seconds):
            return await waiting()
        await on_timeout()
        request = f"{self.request.method} {self.request.url}"
        message = template.format(request=request, seconds=self.seconds)
        raise AppTimeout(message, request=self.request, timeout=self.seconds)
