"""App calls that outlive their response, and waiting for them.

With `wait_for_background=False` a request returns as soon as its response is
complete; the app call (its background tasks) keeps running and is recorded
here until the test waits for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from anyio.from_thread import BlockingPortal

from ._exchange import HTTPExchange


def raise_failures(
    failures: Sequence[Exception], what: str = "app calls raised after their responses"
) -> None:
    """Raise the one failure as it is, several in an `ExceptionGroup`, none: nothing."""
    if len(failures) == 1:
        raise failures[0]
    if failures:
        raise ExceptionGroup(f"{len(failures)} {what}.", list(failures))


class PendingCalls:
    """Pending app calls on the test's own event loop (the async client)."""

    def __init__(self) -> None:
        self._exchanges: list[HTTPExchange] = []

    def __len__(self) -> int:
        return len(self._exchanges)

    def add(self, exchange: HTTPExchange) -> None:
        self._exchanges.append(exchange)

    async def wait(self) -> list[Exception]:
        """Wait until every pending call returns; return the exceptions they raised."""
        failures: list[Exception] = []
        while self._exchanges:
            exception = await self._exchanges.pop(0).wait_finished()
            if exception is not None:
                failures.append(exception)
        return failures

    async def cancel(self) -> None:
        """Cancel every pending call and forget it."""
        while self._exchanges:
            await self._exchanges.pop(0).cancel()


class PortalPendingCalls:
    """Pending app calls running in blocking portals (the sync client).

    Each entry keeps the exit stack that holds its portal open: when the client
    is not inside `with`, that portal belongs to the request alone.
    """

    def __init__(self) -> None:
        self._entries: list[tuple[BlockingPortal, HTTPExchange, contextlib.ExitStack]] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(
        self, portal: BlockingPortal, exchange: HTTPExchange, stack: contextlib.ExitStack
    ) -> None:
        self._entries.append((portal, exchange, stack))

    def wait(self) -> list[Exception]:
        """Wait until every pending call returns; return the exceptions they raised."""
        failures: list[Exception] = []
        while self._entries:
            portal, exchange, stack = self._entries.pop(0)
            with stack:
                exception = portal.call(exchange.wait_finished)
            if exception is not None:
                failures.append(exception)
        return failures

    def cancel(self) -> None:
        """Cancel every pending call and forget it."""
        while self._entries:
            portal, exchange, stack = self._entries.pop(0)
            with stack:
                portal.call(exchange.cancel)
