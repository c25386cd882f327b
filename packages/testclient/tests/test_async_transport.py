"""The async transport: incremental streaming inside `async with`, buffering outside."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator
from typing import cast

import anyio
import anyio.lowlevel
import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from fastslim_testclient import AsyncTestClient
from fastslim_testclient._types import ASGIApp, Message, Receive, Scope, Send

pytestmark = pytest.mark.anyio


class Events:
    """An endless async iterator of server-sent events, paused on a gate after two."""

    def __init__(self, log: list[str], gate: anyio.Event | None = None) -> None:
        self.log = log
        self.gate = gate
        self.number = 0

    def __aiter__(self) -> Events:
        return self

    async def __anext__(self) -> str:
        if self.gate is not None and self.number == 2:
            await self.gate.wait()
        await anyio.lowlevel.checkpoint()
        self.number += 1
        self.log.append(f"sent {self.number}")
        return f"data: {self.number}\n\n"


def chunks_of(response: httpx.Response) -> contextlib.aclosing[AsyncGenerator[bytes, None]]:
    """The raw body chunks, closed on exit.

    httpx's `aiter_*` methods are nested async generators that are not closed
    when a reader stops early; trio reports those as ResourceWarnings.
    """
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)
    return contextlib.aclosing(cast(AsyncGenerator[bytes, None], aiter(stream)))


def sse_app(log: list[str], gate: anyio.Event | None = None) -> ASGIApp:
    async def stream(request: Request) -> Response:
        return StreamingResponse(Events(log, gate), media_type="text/event-stream")

    app = Starlette(routes=[Route("/events", stream)])

    async def logged(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await app(scope, receive, send)
        finally:
            log.append("app call ended")

    return logged


async def test_an_endless_event_stream_is_read_line_by_line_and_closed() -> None:
    log: list[str] = []
    async with AsyncTestClient(sse_app(log)) as client:
        async with client.stream("GET", "/events") as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            async with chunks_of(response) as chunks:
                assert (await anext(chunks)).splitlines() == [b"data: 1", b""]
                assert (await anext(chunks)).splitlines() == [b"data: 2", b""]
        assert log[-1] == "app call ended"


async def test_chunks_arrive_before_the_app_produces_the_next() -> None:
    log: list[str] = []
    gate = anyio.Event()
    async with AsyncTestClient(sse_app(log, gate)) as client:
        async with (
            client.stream("GET", "/events") as response,
            chunks_of(response) as chunks,
        ):
            assert await anext(chunks) == b"data: 1\n\n"
            assert await anext(chunks) == b"data: 2\n\n"
            assert log == ["sent 1", "sent 2"]
            gate.set()
            assert await anext(chunks) == b"data: 3\n\n"
        assert log[-1] == "app call ended"


async def test_closing_a_raw_stream_sends_a_disconnect() -> None:
    seen: list[object] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return
        await receive()
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"first", "more_body": True})
        try:
            seen.append(await receive())
            await anyio.sleep_forever()
        finally:
            seen.append("cleaned up")

    async with (
        AsyncTestClient(app) as client,
        client.stream("GET", "/") as response,
        chunks_of(response) as chunks,
    ):
        assert await anext(chunks) == b"first"
    assert seen == [{"type": "http.disconnect"}, "cleaned up"]


async def test_leaving_async_with_closes_open_streams() -> None:
    log: list[str] = []
    async with AsyncTestClient(sse_app(log)) as client:
        response = await client.send(client.build_request("GET", "/events"), stream=True)
        async with chunks_of(response) as chunks:
            assert await anext(chunks) == b"data: 1\n\n"
    assert log[-1] == "app call ended"


async def test_a_stream_failure_is_raised_when_the_body_ends() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"a", "more_body": True})
        raise KeyError("stream broke")

    async with AsyncTestClient(app) as client:
        with pytest.raises(KeyError, match="stream broke"):
            await client.get("/")
    async with AsyncTestClient(app, raise_server_exceptions=False) as quiet:
        assert (await quiet.get("/")).content == b"a"


async def test_outside_async_with_the_whole_body_is_read_within_the_call() -> None:
    sent: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        for part in (b"a", b"b", b"c"):
            message = {"type": "http.response.body", "body": part, "more_body": part != b"c"}
            if part == b"a":
                await send({"type": "http.response.start", "status": 200})
            await send(message)
            sent.append(message)

    async with AsyncTestClient(app).stream("GET", "/") as response:
        assert len(sent) == 3
        assert await response.aread() == b"abc"
