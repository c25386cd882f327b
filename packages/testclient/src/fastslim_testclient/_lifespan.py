"""The ASGI lifespan protocol, from the server's side.

`Lifespan.run` is the app task; `startup` and `shutdown` are awaited by the
client (through a portal for the sync client). An app that does not support
lifespan (it raises or returns before sending any lifespan message) is
tolerated, as servers do in their "auto" lifespan mode.
"""

from __future__ import annotations

import math
from typing import Any

import anyio

from ._errors import ASGIProtocolError, LifespanFailed
from ._types import ASGIApp, Message


class Lifespan:
    """One lifespan session of an app: startup, then shutdown."""

    def __init__(self, app: ASGIApp, state: dict[str, Any]) -> None:
        self._app = app
        self._state = state
        self._to_app_tx, self._to_app_rx = anyio.create_memory_object_stream[Message](math.inf)
        self._from_app_tx, self._from_app_rx = anyio.create_memory_object_stream[Message](math.inf)
        self._finished = anyio.Event()
        self._cancel_scope = anyio.CancelScope()
        self.exception: Exception | None = None
        self.supported = True

    async def run(self) -> None:
        """The app task: the app's exception, if any, is kept in `exception`."""
        scope = {
            "type": "lifespan",
            "asgi": {"version": "3.0", "spec_version": "2.0"},
            "state": self._state,
        }
        try:
            with self._cancel_scope, self._from_app_tx:
                await self._app(scope, self._to_app_rx.receive, self._from_app_tx.send)
        except Exception as exc:
            self.exception = exc
        finally:
            self._finished.set()

    async def _next(self) -> Message | None:
        try:
            return await self._from_app_rx.receive()
        except anyio.EndOfStream:
            return None

    async def _fail(self, phase: str, message: Message) -> None:
        await self._finished.wait()
        if self.exception is not None:
            raise self.exception
        raise LifespanFailed(phase, str(message.get("message", "")))

    async def startup(self) -> None:
        """Send `lifespan.startup`; return once the app completed it, raise if it failed."""
        await self._to_app_tx.send({"type": "lifespan.startup"})
        message = await self._next()
        if message is None:
            self.supported = False
            return
        kind = message.get("type")
        if kind == "lifespan.startup.complete":
            return
        if kind == "lifespan.startup.failed":
            await self._fail("startup", message)
        raise ASGIProtocolError(
            f"The app answered 'lifespan.startup' with an unexpected message {message!r}."
        )

    async def shutdown(self) -> None:
        """Send `lifespan.shutdown`; wait until the app returns, raise if it failed."""
        if not self.supported:
            return
        await self._to_app_tx.send({"type": "lifespan.shutdown"})
        message = await self._next()
        if message is None or message.get("type") == "lifespan.shutdown.complete":
            await self._finished.wait()
            if self.exception is not None:
                raise self.exception
            return
        if message.get("type") == "lifespan.shutdown.failed":
            await self._fail("shutdown", message)
        raise ASGIProtocolError(
            f"The app answered 'lifespan.shutdown' with an unexpected message {message!r}."
        )

    async def cancel(self) -> None:
        """Stop the app task if it still runs (after a failed startup)."""
        self._cancel_scope.cancel()
        await self._finished.wait()
        for stream in (self._to_app_tx, self._to_app_rx, self._from_app_rx):
            stream.close()
