"""The sync transport: incremental streaming bodies and client disconnects."""

from __future__ import annotations

import contextlib
import threading
from typing import Literal

import anyio
import anyio.lowlevel
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from fastslim_testclient import TestClient
from fastslim_testclient._types import ASGIApp, Receive, Scope, Send

Backend = Literal["asyncio", "trio"]


class Counter:
    """An endless async iterator of server-sent events (no async generator to finalize)."""

    def __init__(self, events: list[str], gate: threading.Event | None) -> None:
        self.events = events
        self.gate = gate
        self.number = 0

    def __aiter__(self) -> Counter:
        return self

    async def __anext__(self) -> str:
        if self.gate is not None and self.number == 2:
            await anyio.to_thread.run_sync(self.gate.wait)
        await anyio.lowlevel.checkpoint()
        self.number += 1
        self.events.append(f"sent {self.number}")
        return f"data: {self.number}\n\n"


def endless_events(events: list[str], gate: threading.Event | None = None) -> ASGIApp:
    """A Starlette app streaming server-sent events forever; logs when the app call ends."""

    async def stream(request: Request) -> Response:
        return StreamingResponse(Counter(events, gate), media_type="text/event-stream")

    app = Starlette(routes=[Route("/events", stream)])

    async def logged(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await app(scope, receive, send)
        finally:
            events.append("app call ended")

    return logged


def maybe_with(client: TestClient, inside_with: bool) -> contextlib.AbstractContextManager[object]:
    return client if inside_with else contextlib.nullcontext()


@pytest.mark.parametrize("inside_with", [False, True])
def test_an_endless_event_stream_is_read_line_by_line_and_closed(
    backend: Backend, inside_with: bool
) -> None:
    events: list[str] = []
    client = TestClient(endless_events(events), backend=backend)
    with maybe_with(client, inside_with):
        with client.stream("GET", "/events") as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            lines = response.iter_lines()
            assert next(lines) == "data: 1"
            assert next(lines) == ""
            assert next(lines) == "data: 2"
        assert events[-1] == "app call ended"
        # The app was stopped: nothing more is produced.
        produced = [event for event in events if event.startswith("sent")]
        assert client.get("/missing").status_code == 404
        assert [event for event in events if event.startswith("sent")] == produced


def test_chunks_arrive_before_the_app_produces_the_next(backend: Backend) -> None:
    events: list[str] = []
    gate = threading.Event()
    client = TestClient(endless_events(events, gate), backend=backend)
    with client.stream("GET", "/events") as response:
        chunks = response.iter_bytes()
        assert next(chunks) == b"data: 1\n\n"
        assert next(chunks) == b"data: 2\n\n"
        # The app now waits on the gate: the body was not buffered to its end.
        assert events == ["sent 1", "sent 2"]
        gate.set()
        assert next(chunks) == b"data: 3\n\n"
    assert events[-1] == "app call ended"


def test_closing_a_raw_stream_sends_a_disconnect(backend: Backend) -> None:
    seen: list[object] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"first", "more_body": True})
        try:
            seen.append(await receive())
            await anyio.sleep_forever()
        finally:
            seen.append("cleaned up")

    client = TestClient(app, backend=backend)
    with client.stream("GET", "/") as response:
        assert next(response.iter_bytes()) == b"first"
    assert seen == [{"type": "http.disconnect"}, "cleaned up"]


def test_leaving_with_closes_open_streams(backend: Backend) -> None:
    events: list[str] = []
    client = TestClient(endless_events(events), backend=backend)
    with client:
        response = client.send(client.build_request("GET", "/events"), stream=True)
        assert next(response.iter_lines()) == "data: 1"
    assert events[-1] == "app call ended"


def test_a_stream_failure_is_raised_when_the_body_ends(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"a", "more_body": True})
        raise KeyError("stream broke")

    client = TestClient(app, backend=backend)
    with client.stream("GET", "/") as response, pytest.raises(KeyError, match="stream broke"):
        response.read()
    quiet = TestClient(app, backend=backend, raise_server_exceptions=False)
    with quiet.stream("GET", "/") as response:
        assert response.read() == b"a"


def test_a_request_scheme_other_than_http_or_ws_is_refused(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise AssertionError("not reached")

    client = TestClient(app, backend=backend)
    with pytest.raises(ValueError, match=r"'ftp://testserver/x'.*http, https, ws or wss"):
        client.get("ftp://testserver/x")
