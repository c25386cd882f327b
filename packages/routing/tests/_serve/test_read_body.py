"""`read_body` against Starlette's `Request.body()`: same result, errors and state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import anyio
import pytest
from starlette.requests import ClientDisconnect, Request

from fastslim_routing._serve._read_body import read_body

Backend = Literal["asyncio", "trio"]
BACKENDS = pytest.mark.parametrize("backend", ["asyncio", "trio"])
SCOPE = {"type": "http", "method": "POST", "path": "/", "headers": [], "query_string": b""}


def request_of(messages: Sequence[dict[str, Any]], cls: type[Request] = Request) -> Request:
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        return queue.pop(0)

    return cls(dict(SCOPE), receive)


async def outcome(read: Any, request: Request) -> tuple[Any, ...]:
    try:
        result: Any = await read(request)
    except (ClientDisconnect, RuntimeError) as error:
        result = (type(error), str(error))
    state = (request.__dict__.get("_body"), request._stream_consumed, request._is_disconnected)
    return result, state


CASES: dict[str, list[dict[str, Any]]] = {
    "one message": [{"type": "http.request", "body": b'{"a": 1}'}],
    "chunks": [
        {"type": "http.request", "body": b"ab", "more_body": True},
        {"type": "http.request", "body": b"", "more_body": True},
        {"type": "http.request", "body": b"cd"},
    ],
    "empty": [{"type": "http.request"}],
    "disconnect": [
        {"type": "http.request", "body": b"ab", "more_body": True},
        {"type": "http.disconnect"},
    ],
    "other messages ignored": [
        {"type": "http.other"},
        {"type": "http.request", "body": b"x"},
    ],
}


@BACKENDS
@pytest.mark.parametrize("case", list(CASES))
def test_as_starlette(backend: Backend, case: str) -> None:
    async def main() -> None:
        ours = await outcome(read_body, request_of(CASES[case]))
        theirs = await outcome(Request.body, request_of(CASES[case]))
        assert ours == theirs

    anyio.run(main, backend=backend)


@BACKENDS
def test_read_twice_and_after_the_stream(backend: Backend) -> None:
    async def main() -> None:
        request = request_of(CASES["chunks"])
        assert await read_body(request) == b"abcd"
        assert await read_body(request) == b"abcd"
        assert await request.body() == b"abcd"
        consumed = request_of(CASES["one message"])
        async for _ in consumed.stream():
            pass
        ours = await outcome(read_body, consumed)
        assert ours[0] == (RuntimeError, "Stream consumed")

    anyio.run(main, backend=backend)


class Gzipped(Request):
    async def body(self) -> bytes:
        return b"own: " + await super().body()


@BACKENDS
def test_a_request_class_with_its_own_body(backend: Backend) -> None:
    async def main() -> None:
        assert await read_body(request_of(CASES["one message"], Gzipped)) == b'own: {"a": 1}'

    anyio.run(main, backend=backend)
