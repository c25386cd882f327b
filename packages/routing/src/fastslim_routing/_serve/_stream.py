"""Generator path operations: their items streamed (FASTAPI-FACTS sections 4 and 5).

A path operation whose endpoint is a sync or async generator function streams
what it yields, decided once when the route is declared:

- no response class anywhere: JSON Lines (`application/jsonl`), one JSON value
  and `\\n` per item;
- `EventSourceResponse` (or a subclass): server-sent events (`_sse_stream`);
- another `StreamingResponse` subclass: the str/bytes chunks as they are;
- any other response class: an ordinary endpoint (the class gets the generator).

Items are validated against the return annotation's item type (`Iterable[T]`,
`AsyncIterator[T]`, `Generator[T, ...]`, ...) and dumped compactly by
pydantic-core with the `response_model_*` options; without one they go through
`jsonable_encoder` and `json.dumps` (non-finite floats as `null`). An explicit
`response_model=` is ignored for generators (as in FastAPI), and so is the
annotation then.

The generator is called inside the function scope (which exits before the
first byte) and iterated while the response is sent (sync generators in the
thread pool). However the stream ends (exhausted, an exception, a client that
disconnects), the generator is closed before the request scope exits.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Generator,
    Iterable,
    Iterator,
)
from typing import Any, get_args, get_origin

import anyio
import anyio.to_thread
from anyio.lowlevel import checkpoint
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from ..datastructures import DefaultPlaceholder
from ..sse import EventSourceResponse, ServerSentEvent
from ._encode import DumpOptions
from ._sse_stream import SSE_HEADERS, SSEItems, sse_class
from ._stream_items import ErrorFactory, TypedItems, untyped_json_line

STREAM_ORIGINS = frozenset(
    {Iterable, Iterator, Generator, AsyncIterable, AsyncIterator, AsyncGenerator}
)
"""Return annotations whose first argument is the type of a generator's items."""

ItemEncoder = Callable[[Any], bytes | str]


def _target(endpoint: Callable[..., Any]) -> Any:
    target: Any = endpoint
    while isinstance(target, functools.partial):
        target = target.func
    if not inspect.isroutine(target) and not inspect.isclass(target):
        target = type(target).__call__
        while isinstance(target, functools.partial):
            target = target.func
    return inspect.unwrap(target)


def generator_kind(endpoint: Callable[..., Any]) -> str | None:
    """ "async" or "sync" for a generator function (through partials, wrappers and
    `__call__`), else None."""
    target = _target(endpoint)
    if inspect.isasyncgenfunction(target):
        return "async"
    if inspect.isgeneratorfunction(target):
        return "sync"
    return None


def stream_annotation(response_model: Any, annotation: Any) -> tuple[bool, Any]:
    """(the annotation is a stream type, its item type or None for untyped items).

    Only a return annotation counts, and only while `response_model=` is left unset;
    a stream type without an argument (`typing.AsyncIterator`) gives `Any`.
    """
    if not isinstance(response_model, DefaultPlaceholder):
        return False, None
    if get_origin(annotation) not in STREAM_ORIGINS:
        return False, None
    args = get_args(annotation)
    return True, (args[0] if args else Any)


_DONE: Any = object()


async def async_chunks(
    items: AsyncIterator[Any], encode: ItemEncoder | None
) -> AsyncGenerator[bytes | str, None]:
    """The encoded items of an async generator; it is closed however this ends.

    A checkpoint per item keeps the stream cancellable when neither the
    generator nor the ASGI `send` ever suspends (FastAPI 0.165, issue 14680).
    """
    try:
        async for item in items:
            await checkpoint()
            yield item if encode is None else encode(item)
    finally:
        close = getattr(items, "aclose", None)
        if close is not None:
            with anyio.CancelScope(shield=True):
                await close()


async def sync_chunks(
    items: Iterator[Any], encode: ItemEncoder | None
) -> AsyncGenerator[bytes | str, None]:
    """The encoded items of a sync generator, each produced in the thread pool; it
    is closed (in the thread pool) however this ends."""
    try:
        while True:
            item = await anyio.to_thread.run_sync(next, items, _DONE)
            if item is _DONE:
                return
            yield item if encode is None else encode(item)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(close)


_CLOSING: dict[type[StreamingResponse], type[StreamingResponse]] = {}


def closing_class(response_class: type[StreamingResponse]) -> type[StreamingResponse]:
    """A subclass of `response_class` (same name) that closes its body iterator when
    the response ends, also when the client disconnected mid-stream (one per class)."""
    found = _CLOSING.get(response_class)
    if found is None:
        found = _CLOSING[response_class] = _make_closing(response_class)
    return found


def _make_closing(response_class: type[StreamingResponse]) -> type[StreamingResponse]:

    async def __call__(self: StreamingResponse, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await response_class.__call__(self, scope, receive, send)
        finally:
            iterator = self.body_iterator
            if isinstance(iterator, AsyncGenerator):
                with anyio.CancelScope(shield=True):
                    await iterator.aclose()

    namespace = {
        "__call__": __call__,
        "__module__": response_class.__module__,
        "__qualname__": response_class.__qualname__,
    }
    return type(response_class.__name__, (response_class,), namespace)


class JSONLinesResponse(StreamingResponse):
    """The response of a generator path operation without a response class."""

    media_type = "application/jsonl"


class StreamEncoder:
    """Turns what a streaming endpoint returned into a streaming response.

    `encode` turns an item into a chunk (None: str/bytes chunks as they are);
    `is_async` None: told per value (an endpoint returning an iterable);
    `status_code` is the route's (None: the class's default); `headers` are
    added to every response. A response class that does not stream gets the
    generator itself, as in FastAPI.
    """

    __slots__ = ("_streams", "encode", "headers", "is_async", "response_class", "status_code")

    def __init__(
        self,
        *,
        is_async: bool | None,
        encode: ItemEncoder | None,
        response_class: type[Response],
        status_code: int | None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self._streams = issubclass(response_class, StreamingResponse)
        self.response_class = response_class
        if issubclass(response_class, StreamingResponse):
            sse = issubclass(response_class, EventSourceResponse)
            self.response_class = (sse_class if sse else closing_class)(response_class)
        self.is_async = is_async
        self.encode = encode
        self.status_code = status_code
        self.headers = headers

    def _content(self, value: Any) -> Any:
        if not self._streams:
            return value
        is_async = self.is_async
        if is_async is None:
            is_async = isinstance(value, AsyncIterator)
            if not is_async:
                value = aiter(value) if isinstance(value, AsyncIterable) else iter(value)
                is_async = not isinstance(value, Iterator)
        return (async_chunks if is_async else sync_chunks)(value, self.encode)

    def __call__(self, value: Any, status_code: int | None) -> Response:
        """The response streaming `value`; `status_code` (a dependency's) wins when set."""
        content = self._content(value)
        explicit = status_code or self.status_code
        if explicit is None:
            response = self.response_class(content)
        else:
            response = self.response_class(content, status_code=explicit)
        for name, header in self.headers:
            response.headers[name] = header
        return response


def is_event_stream(response_class: Any) -> bool:
    """Whether a response class sends server-sent events."""
    return isinstance(response_class, type) and issubclass(response_class, EventSourceResponse)


def generator_caller(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """An async function calling a generator function (its body runs only when the
    response iterates it)."""

    async def call(*args: Any, **kwargs: Any) -> Any:
        return endpoint(*args, **kwargs)

    return call


def stream_encoder(
    kind: str | None,
    *,
    response_model: Any,
    annotation: Any,
    response_class: type[Response],
    class_is_default: bool,
    status_code: int | None,
    options: DumpOptions,
    validation_error: ErrorFactory,
) -> tuple[StreamEncoder | None, bool]:
    """The encoder of a streaming endpoint, and whether its annotation is a stream
    type (then no ordinary response field is built from it).

    `kind` is "sync" or "async" for a generator function, None for another
    endpoint (which streams only with an `EventSourceResponse` class: what it
    returns is iterated). None when the endpoint does not stream.
    """
    annotated, item_type = stream_annotation(response_model, annotation)
    is_async = None if kind is None else kind == "async"
    sse = is_event_stream(response_class)
    if kind is None and not sse:
        return None, False
    typed = None
    if kind is not None and item_type is not None and item_type is not ServerSentEvent:
        typed = TypedItems(item_type, options, validation_error)
    if sse:
        encode: ItemEncoder | None = SSEItems(typed)
        headers: tuple[tuple[str, str], ...] = SSE_HEADERS
    elif class_is_default:
        encode = untyped_json_line if typed is None else typed.json_line
        response_class, headers = JSONLinesResponse, ()
    else:
        encode, headers = None, ()
    encoder = StreamEncoder(
        is_async=is_async,
        encode=encode,
        response_class=response_class,
        status_code=status_code,
        headers=headers,
    )
    return encoder, annotated and kind is not None
