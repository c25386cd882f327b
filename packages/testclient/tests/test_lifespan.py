"""Lifespan through both clients: startup, shutdown, state, failures, no support."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any, Literal

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fastslim_testclient import ASGIProtocolError, AsyncTestClient, LifespanFailed, TestClient
from fastslim_testclient._types import Message, Receive, Scope, Send

Backend = Literal["asyncio", "trio"]


def starlette_app(events: list[str], *, fail_startup: bool = False) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        events.append("startup")
        if fail_startup:
            raise RuntimeError("database unreachable")
        yield {"db": "connected"}
        events.append("shutdown")

    async def endpoint(request: Request) -> Response:
        events.append("request")
        return JSONResponse({"db": request.state.db})

    return Starlette(routes=[Route("/", endpoint)], lifespan=lifespan)


def test_with_runs_startup_and_shutdown_and_shares_the_state(backend: Backend) -> None:
    events: list[str] = []
    client = TestClient(starlette_app(events), backend=backend)
    with client:
        assert events == ["startup"]
        assert client.app_state == {"db": "connected"}
        assert client.get("/").json() == {"db": "connected"}
    assert events == ["startup", "request", "shutdown"]


@pytest.mark.anyio
async def test_async_with_runs_startup_and_shutdown_and_shares_the_state() -> None:
    events: list[str] = []
    client = AsyncTestClient(starlette_app(events))
    async with client:
        assert events == ["startup"]
        assert client.app_state == {"db": "connected"}
        assert (await client.get("/")).json() == {"db": "connected"}
    assert events == ["startup", "request", "shutdown"]


def test_without_with_there_is_no_lifespan(backend: Backend) -> None:
    events: list[str] = []

    async def endpoint(request: Request) -> Response:
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/", endpoint)], lifespan=None)
    TestClient(app, backend=backend).get("/")
    assert events == []


def test_a_startup_failure_is_raised(backend: Backend) -> None:
    events: list[str] = []
    with (
        pytest.raises(RuntimeError, match="database unreachable"),
        TestClient(starlette_app(events, fail_startup=True), backend=backend),
    ):
        events.append("body")
    assert events == ["startup"]


@pytest.mark.anyio
async def test_a_startup_failure_is_raised_by_async_with() -> None:
    events: list[str] = []
    with pytest.raises(RuntimeError, match="database unreachable"):
        async with AsyncTestClient(starlette_app(events, fail_startup=True)):
            events.append("body")
    assert events == ["startup"]


def raw_lifespan(
    startup: list[Message], shutdown: list[Message], *, raise_after: bool = False
) -> Any:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await send({"type": "http.response.start", "status": 200})
            await send({"type": "http.response.body", "body": b"ok"})
            return
        assert (await receive())["type"] == "lifespan.startup"
        for message in startup:
            await send(message)
        if startup and startup[-1]["type"] != "lifespan.startup.complete":
            return
        assert (await receive())["type"] == "lifespan.shutdown"
        for message in shutdown:
            await send(message)
        if raise_after:
            raise OSError("closing failed")

    return app


COMPLETE = {"type": "lifespan.startup.complete"}
SHUTDOWN_COMPLETE = {"type": "lifespan.shutdown.complete"}


def test_a_failed_startup_message_without_exception_raises_lifespan_failed(
    backend: Backend,
) -> None:
    app = raw_lifespan([{"type": "lifespan.startup.failed", "message": "no config"}], [])
    with (
        pytest.raises(LifespanFailed, match="lifespan startup failed: no config") as info,
        TestClient(app, backend=backend),
    ):
        pass
    assert info.value.phase == "startup"
    assert info.value.message == "no config"


def test_a_failed_shutdown_is_raised(backend: Backend) -> None:
    app = raw_lifespan([COMPLETE], [{"type": "lifespan.shutdown.failed", "message": ""}])
    with (
        pytest.raises(LifespanFailed, match="lifespan shutdown failed without a message"),
        TestClient(app, backend=backend),
    ):
        pass


def test_an_exception_after_shutdown_complete_is_raised(backend: Backend) -> None:
    app = raw_lifespan([COMPLETE], [SHUTDOWN_COMPLETE], raise_after=True)
    with pytest.raises(OSError, match="closing failed"), TestClient(app, backend=backend):
        pass


def test_an_unexpected_lifespan_message_is_a_protocol_error(backend: Backend) -> None:
    app = raw_lifespan([{"type": "lifespan.bogus"}], [])
    with (
        pytest.raises(ASGIProtocolError, match=r"answered 'lifespan.startup'.*lifespan.bogus"),
        TestClient(app, backend=backend),
    ):
        pass


async def http_only(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        raise ValueError(f"unsupported scope type {scope['type']!r}")
    await send({"type": "http.response.start", "status": 200})
    await send({"type": "http.response.body", "body": b"http only"})


async def returns_on_lifespan(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "http":
        await http_only(scope, receive, send)


@pytest.mark.parametrize("app", [http_only, returns_on_lifespan])
def test_an_app_without_lifespan_support_is_tolerated(backend: Backend, app: Any) -> None:
    with TestClient(app, backend=backend) as client:
        assert client.get("/").text == "http only"


@pytest.mark.anyio
@pytest.mark.parametrize("app", [http_only, returns_on_lifespan])
async def test_an_app_without_lifespan_support_is_tolerated_by_async_with(app: Any) -> None:
    async with AsyncTestClient(app) as client:
        assert (await client.get("/")).text == "http only"


def test_each_request_gets_a_copy_of_the_state(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await receive()
            scope["state"]["counter"] = 0
            await send(COMPLETE)
            await receive()
            await send(SHUTDOWN_COMPLETE)
            return
        scope["state"]["counter"] += 1
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": str(scope["state"]["counter"]).encode()})

    with TestClient(app, backend=backend) as client:
        assert client.get("/").text == "1"
        assert client.get("/").text == "1"
        assert client.app_state == {"counter": 0}


def test_an_unexpected_shutdown_message_is_a_protocol_error(backend: Backend) -> None:
    app = raw_lifespan([COMPLETE], [{"type": "lifespan.startup.complete"}])
    with (
        pytest.raises(ASGIProtocolError, match=r"answered 'lifespan\.shutdown'"),
        TestClient(app, backend=backend),
    ):
        pass


@pytest.mark.anyio
async def test_a_failed_shutdown_is_raised_by_async_with() -> None:
    app = raw_lifespan([COMPLETE], [{"type": "lifespan.shutdown.failed", "message": "stuck"}])
    with pytest.raises(LifespanFailed, match="lifespan shutdown failed: stuck"):
        async with AsyncTestClient(app):
            pass


@pytest.mark.anyio
async def test_shutdown_and_background_failures_come_together() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await raw_lifespan([COMPLETE], [{"type": "lifespan.shutdown.failed"}])(
                scope, receive, send
            )
            return
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body"})
        raise OSError("background broke")

    client = AsyncTestClient(app, wait_for_background=False)
    with pytest.raises(ExceptionGroup, match="2 failures while closing the test client") as info:
        async with client:
            await client.get("/")
    assert [type(error) for error in info.value.exceptions] == [OSError, LifespanFailed]
