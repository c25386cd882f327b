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
import json
import math
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
from pydantic import TypeAdapter, ValidationError
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from ._encode import DumpOptions, response_errors
from .datastructures import DefaultPlaceholder
from .encoders import jsonable_encoder

STREAM_ORIGINS = frozenset(
    {Iterable, Iterator, Generator, AsyncIterable, AsyncIterator, AsyncGenerator}
)
"""Return annotations whose first argument is the type of a generator's items."""

ItemEncoder = Callable[[Any], bytes | str]
ErrorFactory = Callable[[list[dict[str, Any]], Any], Exception]


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


def _finite(value: Any) -> Any:
    """JSON data with every NaN and infinity (at any depth, keys excepted) as None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def untyped_json(item: Any) -> str:
    """An untyped item as FastAPI writes it: `jsonable_encoder`, then `json.dumps`
    with its default separators (`{"a": 1}`), non-finite floats as `null`."""
    return json.dumps(_finite(jsonable_encoder(item)))


class TypedItems:
    """Validates items against `item_type` and dumps them to compact JSON bytes.

    An invalid item raises the error made by `validation_error(errors, item)`.
    """

    __slots__ = ("_adapter", "_error", "_options")

    def __init__(self, item_type: Any, options: DumpOptions, validation_error: ErrorFactory):
        self._adapter: TypeAdapter[Any] = TypeAdapter(item_type)
        self._options = options
        self._error = validation_error

    def validate(self, item: Any) -> Any:
        try:
            return self._adapter.validate_python(item, from_attributes=True)
        except ValidationError as exc:
            raise self._error(response_errors(exc), item) from None

    def dump(self, item: Any) -> bytes:
        """The JSON bytes of a valid `item`."""
        options = self._options
        return self._adapter.dump_json(
            self.validate(item),
            include=options.include,
            exclude=options.exclude,
            by_alias=options.by_alias,
            exclude_unset=options.exclude_unset,
            exclude_defaults=options.exclude_defaults,
            exclude_none=options.exclude_none,
        )

    def json_line(self, item: Any) -> bytes:
        return self.dump(item) + b"\n"


def untyped_json_line(item: Any) -> str:
    return untyped_json(item) + "\n"


_DONE: Any = object()


async def async_chunks(
    items: AsyncIterator[Any], encode: ItemEncoder | None
) -> AsyncGenerator[bytes | str, None]:
    """The encoded items of an async generator; it is closed however this ends."""
    try:
        async for item in items:
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
    """Turns the generator an endpoint returned into a streaming response.

    `encode` turns an item into a chunk (None: str/bytes chunks as they are);
    `status_code` is the route's (None: the class's default). A response class
    that does not stream (`stream=False`) gets the generator itself, as in FastAPI.
    """

    __slots__ = ("_chunks", "encode", "response_class", "status_code")

    def __init__(
        self,
        *,
        is_async: bool,
        encode: ItemEncoder | None,
        response_class: type[Response],
        status_code: int | None,
        stream: bool = True,
    ) -> None:
        self._chunks: Any = None
        self.response_class = response_class
        if stream and issubclass(response_class, StreamingResponse):
            self._chunks = async_chunks if is_async else sync_chunks
            self.response_class = closing_class(response_class)
        self.encode = encode
        self.status_code = status_code

    def __call__(self, value: Any, status_code: int | None) -> Response:
        """The response streaming `value`; `status_code` (a dependency's) wins when set."""
        content = value if self._chunks is None else self._chunks(value, self.encode)
        explicit = status_code or self.status_code
        if explicit is None:
            return self.response_class(content)
        return self.response_class(content, status_code=explicit)


def generator_caller(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """An async function calling a generator function (its body runs only when the
    response iterates it)."""

    async def call(*args: Any, **kwargs: Any) -> Any:
        return endpoint(*args, **kwargs)

    return call


def stream_encoder(
    kind: str,
    *,
    response_model: Any,
    annotation: Any,
    response_class: type[Response],
    class_is_default: bool,
    status_code: int | None,
    options: DumpOptions,
    validation_error: ErrorFactory,
) -> tuple[StreamEncoder, bool]:
    """The encoder of a generator endpoint (`kind` "sync" or "async"), and whether its
    annotation is a stream type (then no ordinary response field is built from it)."""
    annotated, item_type = stream_annotation(response_model, annotation)
    is_async = kind == "async"
    if class_is_default:
        encode: ItemEncoder = untyped_json_line
        if item_type is not None:
            encode = TypedItems(item_type, options, validation_error).json_line
        encoder = StreamEncoder(
            is_async=is_async,
            encode=encode,
            response_class=JSONLinesResponse,
            status_code=status_code,
        )
        return encoder, annotated
    streams = issubclass(response_class, StreamingResponse)
    encoder = StreamEncoder(
        is_async=is_async,
        encode=None,
        response_class=response_class,
        status_code=status_code,
        stream=streams,
    )
    return encoder, annotated
