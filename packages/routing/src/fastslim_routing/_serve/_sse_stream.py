"""Server-sent events from a path operation: items to events, and the keep-alive.

`SSEItems` turns one item into an event (a `ServerSentEvent` as it is, anything
else as its JSON in `data:`). `sse_class(cls)` is a subclass of an
`EventSourceResponse` class whose items are produced in a task of their own,
so that a keep-alive comment goes out after `PING_INTERVAL` seconds without an
event; an exception of the producer ends the response with an exception group
(as in FastAPI).
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from typing import Any

import anyio
from anyio.abc import ObjectSendStream
from pydantic import BaseModel
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from ..encoders import jsonable_encoder
from ..sse import KEEPALIVE_COMMENT, ServerSentEvent, format_sse_event
from ._stream_items import TypedItems, finite, untyped_json

PING_INTERVAL = 15.0
"""Seconds without an event before the keep-alive comment (read at each wait)."""

SSE_HEADERS = (("cache-control", "no-cache"), ("x-accel-buffering", "no"))
"""Headers of the responses of generator path operations (not of the class itself)."""


def _event_data(data: Any) -> str:
    if isinstance(data, BaseModel):
        return data.model_dump_json()
    return json.dumps(finite(jsonable_encoder(data)))


def format_event(event: ServerSentEvent) -> bytes:
    """A `ServerSentEvent` on the wire (its `data` as JSON, `raw_data` as it is)."""
    data = event.raw_data
    if data is None and event.data is not None:
        data = _event_data(event.data)
    return format_sse_event(
        data_str=data, event=event.event, id=event.id, retry=event.retry, comment=event.comment
    )


class SSEItems:
    """Item to event: validated against `typed` when given (else untyped JSON)."""

    __slots__ = ("_typed",)

    def __init__(self, typed: TypedItems | None) -> None:
        self._typed = typed

    def __call__(self, item: Any) -> bytes:
        if isinstance(item, ServerSentEvent):
            return format_event(item)
        typed = self._typed
        data = untyped_json(item) if typed is None else typed.dump(item).decode("utf-8")
        return format_sse_event(data_str=data)


class _Clock:
    """When the last chunk went out (the keep-alive waits for idleness from there)."""

    __slots__ = ("last",)

    def __init__(self) -> None:
        self.last = anyio.current_time()


async def _produce(
    chunks: AsyncGenerator[Any, None],
    send: ObjectSendStream[Any],
    clock: _Clock,
    ping: anyio.CancelScope,
) -> None:
    try:
        async with send:
            async for chunk in chunks:
                await send.send(chunk)
                clock.last = anyio.current_time()
        ping.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            await chunks.aclose()


async def _ping(send: ObjectSendStream[Any], clock: _Clock, scope: anyio.CancelScope) -> None:
    with scope:
        async with send:
            while True:
                await anyio.sleep(clock.last + PING_INTERVAL - anyio.current_time())
                if anyio.current_time() >= clock.last + PING_INTERVAL:
                    await send.send(KEEPALIVE_COMMENT)
                    clock.last = anyio.current_time()


_SSE: dict[type[StreamingResponse], type[StreamingResponse]] = {}


def sse_class(response_class: type[StreamingResponse]) -> type[StreamingResponse]:
    """The subclass (same name, one per class) that produces the events in a task."""
    found = _SSE.get(response_class)
    if found is None:
        found = _SSE[response_class] = _make_sse(response_class)
    return found


def _make_sse(response_class: type[StreamingResponse]) -> type[StreamingResponse]:
    async def __call__(self: StreamingResponse, scope: Scope, receive: Receive, send: Send) -> None:
        chunks: Any = self.body_iterator
        clock, ping = _Clock(), anyio.CancelScope()
        sender, receiver = anyio.create_memory_object_stream[Any](0)
        with receiver:
            async with anyio.create_task_group() as group:
                group.start_soon(_produce, chunks, sender, clock, ping)
                group.start_soon(_ping, sender.clone(), clock, ping)
                self.body_iterator = receiver
                try:
                    await response_class.__call__(self, scope, receive, send)
                finally:
                    # Ended, failed or disconnected: the producer stops (and closes the
                    # generator) before the request scope exits.
                    group.cancel_scope.cancel()

    namespace = {
        "__call__": __call__,
        "__module__": response_class.__module__,
        "__qualname__": response_class.__qualname__,
    }
    return type(response_class.__name__, (response_class,), namespace)
