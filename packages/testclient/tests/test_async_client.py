"""`AsyncTestClient`: requests on the test's own event loop, asyncio and trio."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import trio.lowlevel
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from fastslim_testclient import ASGIProtocolError, AsyncTestClient, ClientUsageError
from fastslim_testclient._types import ASGIApp, Receive, Scope, Send

pytestmark = pytest.mark.anyio


def running_library() -> str:
    """The async library running the current task (without sniffio, not a dependency)."""
    try:
        trio.lowlevel.current_task()
    except RuntimeError:
        asyncio.get_running_loop()
        return "asyncio"
    return "trio"


async def echo(scope: Scope, receive: Receive, send: Send) -> None:
    message = await receive()
    body = {
        "library": running_library(),
        "method": scope["method"],
        "path": scope["path"],
        "query_string": scope["query_string"].decode(),
        "root_path": scope["root_path"],
        "client": list(scope["client"]),
        "server": list(scope["server"]),
        "headers": {k.decode(): v.decode() for k, v in scope["headers"]},
        "body": message["body"].decode(),
    }
    await send({"type": "http.response.start", "status": 201, "headers": []})
    await send({"type": "http.response.body", "body": json.dumps(body).encode()})


async def test_the_app_runs_on_the_tests_own_loop(anyio_backend: str) -> None:
    client = AsyncTestClient(echo, root_path="/root", client=("1.2.3.4", 5))
    response = await client.put("/x%2Fy?q=1", content=b"data", headers={"X-A": "b"})
    assert response.status_code == 201
    data = response.json()
    assert data["library"] == anyio_backend
    assert data["method"] == "PUT"
    assert data["path"] == "/x/y"
    assert data["query_string"] == "q=1"
    assert data["root_path"] == "/root"
    assert data["client"] == ["1.2.3.4", 5]
    assert data["server"] == ["testserver", 80]
    assert data["headers"]["user-agent"] == "testclient"
    assert data["headers"]["x-a"] == "b"
    assert data["body"] == "data"


async def test_inside_async_with_too() -> None:
    async with AsyncTestClient(echo) as client:
        assert (await client.post("/", json=[1])).json()["body"] == "[1]"


def starlette_app() -> Starlette:
    async def login(request: Request) -> Response:
        response = RedirectResponse("/me", status_code=303)
        response.set_cookie("user", "ada")
        return response

    async def me(request: Request) -> Response:
        return JSONResponse({"user": request.cookies.get("user")})

    async def boom(request: Request) -> Response:
        raise ValueError("async app failed")

    return Starlette(
        routes=[Route("/login", login, methods=["POST"]), Route("/me", me), Route("/boom", boom)]
    )


async def test_cookies_persist_and_redirects_are_followed() -> None:
    async with AsyncTestClient(starlette_app()) as client:
        response = await client.post("/login")
        assert response.json() == {"user": "ada"}
        assert (await client.get("/me")).json() == {"user": "ada"}
    manual = AsyncTestClient(starlette_app(), follow_redirects=False, cookies={"user": "bob"})
    assert (await manual.post("/login")).status_code == 303
    assert (await manual.get("/me")).json() == {"user": "ada"}


@pytest.mark.parametrize("inside_with", [False, True])
async def test_server_exceptions_raise_or_give_500(inside_with: bool) -> None:
    client = AsyncTestClient(starlette_app())
    quiet = AsyncTestClient(starlette_app(), raise_server_exceptions=False)
    async with contextlib.AsyncExitStack() as stack:
        if inside_with:
            await stack.enter_async_context(client)
            await stack.enter_async_context(quiet)
        with pytest.raises(ValueError, match="async app failed"):
            await client.get("/boom")
        response = await quiet.get("/boom")
        assert response.status_code == 500
        assert response.text == "Internal Server Error"


async def test_an_app_without_a_response() -> None:
    async def silent(scope: Scope, receive: Receive, send: Send) -> None:
        pass

    with pytest.raises(ASGIProtocolError, match="without sending a response to GET"):
        await AsyncTestClient(silent).get("/")
    async with AsyncTestClient(silent, raise_server_exceptions=False) as client:
        assert (await client.get("/")).status_code == 500


async def test_head_has_no_body_in_both_modes() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"body"})

    client = AsyncTestClient(app)
    assert (await client.head("/")).content == b""
    assert (await client.get("/")).content == b"body"
    async with client:
        assert (await client.head("/")).content == b""
        assert (await client.get("/")).content == b"body"


async def test_trailers_outside_async_with() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "trailers": True})
        await send({"type": "http.response.body", "body": b"x"})
        await send({"type": "http.response.trailers", "headers": [(b"x-t", b"1")]})

    response = await AsyncTestClient(app).get("/")
    assert response.extensions["http.response.trailers"] == [(b"x-t", b"1")]


def text_app(text: str) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await PlainTextResponse(text)(scope, receive, send)

    return app


async def test_opening_twice_or_closing_unopened_is_refused() -> None:
    client = AsyncTestClient(text_app("x"))
    with pytest.raises(ClientUsageError, match="AsyncTestClient of http://testserver is not open"):
        await client.__aexit__()
    async with client:
        with pytest.raises(ClientUsageError, match="of http://testserver is already open"):
            await client.__aenter__()


async def test_a_handshake_that_never_reaches_the_transport_is_reported() -> None:
    class MockingClient(AsyncTestClient):
        async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            return httpx.Response(200, request=request)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            raise AssertionError("not reached")

    with pytest.raises(ClientUsageError, match="handshake GET ws://testserver/ws never reached"):
        async with MockingClient(app).websocket_connect("/ws"):
            pass


async def test_the_client_can_be_opened_again_after_closing() -> None:
    client = AsyncTestClient(text_app("again"))
    async with client:
        assert (await client.get("/")).text == "again"
    async with client:
        assert (await client.get("/")).text == "again"


def test_the_async_client_is_not_collected_by_pytest() -> None:
    assert AsyncTestClient.__test__ is False


async def test_a_file_response_arrives_whole(tmp_path: Path) -> None:
    # On ASGI < 2.4 Starlette's FileResponse stops sending when it hears
    # "http.disconnect": the client must not announce it before the last chunk.
    (tmp_path / "a.txt").write_bytes(b"x" * 100_000)
    client = AsyncTestClient(file_app(tmp_path / "a.txt"))
    for _ in range(10):
        assert (await client.get("/")).content == b"x" * 100_000


def file_app(path: Path) -> Any:
    """An ASGI app answering every request with Starlette's `FileResponse` of `path`."""

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await FileResponse(path)(scope, receive, send)

    return app
