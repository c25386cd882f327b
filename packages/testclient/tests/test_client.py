"""The sync `TestClient`: requests, scope, cookies, errors, background work."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import anyio
import pytest
import trio.lowlevel
import trio.testing
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from fastslim_testclient import ASGIProtocolError, ClientUsageError, TestClient
from fastslim_testclient._types import Message, Receive, Scope, Send

Backend = Literal["asyncio", "trio"]


def running_library() -> str:
    """The async library running the current task (without sniffio, not a dependency)."""
    try:
        trio.lowlevel.current_task()
    except RuntimeError:
        asyncio.get_running_loop()
        return "asyncio"
    return "trio"


async def echo_scope(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers with the interesting parts of its scope and the request body, as JSON."""
    message = await receive()
    body = {
        "type": scope["type"],
        "method": scope["method"],
        "path": scope["path"],
        "raw_path": scope["raw_path"].decode(),
        "query_string": scope["query_string"].decode(),
        "root_path": scope["root_path"],
        "scheme": scope["scheme"],
        "server": list(scope["server"]),
        "client": list(scope["client"]),
        "http_version": scope["http_version"],
        "headers": [[k.decode(), v.decode()] for k, v in scope["headers"]],
        "body": message["body"].decode(),
        "more_body": message["more_body"],
        "state": scope["state"],
    }
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": json.dumps(body).encode()})


def test_a_request_reaches_the_app_with_a_full_scope(backend: Backend) -> None:
    client = TestClient(echo_scope, backend=backend)
    response = client.post("/a%20b/c?x=1&y=2", content=b"payload", headers={"X-Test": "yes"})
    assert response.status_code == 200
    data = response.json()
    assert data["type"] == "http"
    assert data["method"] == "POST"
    assert data["path"] == "/a b/c"
    assert data["raw_path"] == "/a%20b/c"
    assert data["query_string"] == "x=1&y=2"
    assert data["root_path"] == ""
    assert data["scheme"] == "http"
    assert data["server"] == ["testserver", 80]
    assert data["client"] == ["testclient", 50000]
    assert data["http_version"] == "1.1"
    assert data["body"] == "payload"
    assert data["more_body"] is False
    headers = dict(data["headers"])
    assert headers["host"] == "testserver"
    assert headers["user-agent"] == "testclient"
    assert headers["x-test"] == "yes"
    assert headers["content-length"] == "7"


def test_client_options_go_into_the_scope(backend: Backend) -> None:
    client = TestClient(
        echo_scope,
        base_url="https://example.org:8443",
        root_path="/api",
        client=("10.0.0.1", 1234),
        headers={"user-agent": "mine", "x-default": "1"},
        backend=backend,
    )
    data = client.get("/items").json()
    assert data["scheme"] == "https"
    assert data["server"] == ["example.org", 8443]
    assert data["root_path"] == "/api"
    assert data["client"] == ["10.0.0.1", 1234]
    headers = dict(data["headers"])
    assert headers["user-agent"] == "mine"
    assert headers["x-default"] == "1"
    assert headers["host"] == "example.org:8443"


def test_json_form_and_params_are_encoded_by_httpx(backend: Backend) -> None:
    client = TestClient(echo_scope, backend=backend)
    assert client.post("/", json={"a": [1, 2]}).json()["body"] == '{"a":[1,2]}'
    assert client.post("/", data={"a": "1"}).json()["body"] == "a=1"
    assert client.get("/", params={"q": "x y"}).json()["query_string"] == "q=x+y"


def cookie_app() -> Starlette:
    async def set_cookie(request: Request) -> Response:
        response = PlainTextResponse("set")
        response.set_cookie("session", "abc")
        return response

    async def read_cookie(request: Request) -> Response:
        return JSONResponse(request.cookies)

    return Starlette(routes=[Route("/set", set_cookie), Route("/read", read_cookie)])


def test_cookies_persist_across_requests(backend: Backend) -> None:
    client = TestClient(cookie_app(), backend=backend, cookies={"initial": "1"})
    assert client.get("/read").json() == {"initial": "1"}
    assert client.get("/set").text == "set"
    assert client.get("/read").json() == {"initial": "1", "session": "abc"}


def test_redirects_are_followed_by_default(backend: Backend) -> None:
    async def start(request: Request) -> Response:
        return RedirectResponse("/end")

    async def end(request: Request) -> Response:
        return PlainTextResponse("end")

    app = Starlette(routes=[Route("/start", start), Route("/end", end)])
    response = TestClient(app, backend=backend).get("/start")
    assert response.status_code == 200
    assert response.text == "end"
    assert str(response.url) == "http://testserver/end"
    not_followed = TestClient(app, backend=backend, follow_redirects=False).get("/start")
    assert not_followed.status_code == 307
    assert not_followed.headers["location"] == "/end"


def test_head_responses_have_no_body(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"body"})

    client = TestClient(app, backend=backend)
    assert client.head("/").content == b""
    assert client.get("/").content == b"body"


def failing_app() -> Starlette:
    async def boom(request: Request) -> Response:
        raise ValueError("the app failed")

    return Starlette(routes=[Route("/", boom)])


def test_server_exceptions_are_raised_in_the_test(backend: Backend) -> None:
    client = TestClient(failing_app(), backend=backend)
    with pytest.raises(ValueError, match="the app failed"):
        client.get("/")


def test_without_raising_a_server_exception_is_a_500(backend: Backend) -> None:
    client = TestClient(failing_app(), backend=backend, raise_server_exceptions=False)
    response = client.get("/")
    assert response.status_code == 500
    assert response.text == "Internal Server Error"


async def raw_failing_app(scope: Scope, receive: Receive, send: Send) -> None:
    raise RuntimeError("before any response")


def test_a_raw_app_failing_before_the_response_gives_an_empty_500(backend: Backend) -> None:
    client = TestClient(raw_failing_app, backend=backend, raise_server_exceptions=False)
    response = client.get("/")
    assert response.status_code == 500
    assert response.content == b""
    with pytest.raises(RuntimeError, match="before any response"):
        TestClient(raw_failing_app, backend=backend).get("/")


def test_an_app_failing_after_the_response_started_raises_or_truncates(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"part", "more_body": True})
        raise RuntimeError("mid-body")

    with pytest.raises(RuntimeError, match="mid-body"):
        TestClient(app, backend=backend).get("/")
    response = TestClient(app, backend=backend, raise_server_exceptions=False).get("/")
    assert response.status_code == 200
    assert response.content == b"part"


def test_an_app_that_sends_no_response_is_a_protocol_error(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()

    with pytest.raises(ASGIProtocolError, match=r"without sending a response to GET"):
        TestClient(app, backend=backend).get("/")
    assert (
        TestClient(app, backend=backend, raise_server_exceptions=False).get("/").status_code == 500
    )


@pytest.mark.parametrize(
    ("messages", "error"),
    [
        (
            [{"type": "http.response.body", "body": b"x"}],
            "The app sent 'http.response.body' before 'http.response.start': "
            "{'type': 'http.response.body', 'body': b'x'}.",
        ),
        (
            [
                {"type": "http.response.start", "status": 200},
                {"type": "http.response.start", "status": 201},
            ],
            "The app sent a second 'http.response.start' message: "
            "{'type': 'http.response.start', 'status': 201}.",
        ),
        (
            [
                {"type": "http.response.start", "status": 200},
                {"type": "http.response.body", "body": b"x"},
                {"type": "http.response.body", "body": b"y"},
            ],
            "The app sent 'http.response.body' after the body was complete: "
            "{'type': 'http.response.body', 'body': b'y'}.",
        ),
        (
            [{"type": "http.response.bogus"}],
            "The app sent an unknown or unsupported HTTP message type 'http.response.bogus'.",
        ),
        (
            [
                {"type": "http.response.start", "status": 200},
                {"type": "http.response.trailers", "headers": []},
            ],
            "The app sent 'http.response.trailers' without announcing trailers in "
            "'http.response.start': {'type': 'http.response.trailers', 'headers': []}.",
        ),
        (
            [
                {"type": "http.response.start", "status": 200, "trailers": True},
                {"type": "http.response.body", "body": b"x", "more_body": True},
                {"type": "http.response.trailers", "headers": []},
            ],
            "The app sent 'http.response.trailers' before the body was complete: "
            "{'type': 'http.response.trailers', 'headers': []}.",
        ),
    ],
)
def test_protocol_violations_are_reported(
    backend: Backend, messages: list[Message], error: str
) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        for message in messages:
            await send(message)

    with pytest.raises(ASGIProtocolError) as caught:
        TestClient(app, backend=backend).get("/")
    assert str(caught.value) == error


def test_trailers_and_debug_info_reach_the_response(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        assert "http.response.trailers" in scope["extensions"]
        await send({"type": "http.response.debug", "info": {"template": "t", "context": {"a": 1}}})
        await send({"type": "http.response.start", "status": 200, "trailers": True})
        await send({"type": "http.response.body", "body": b"x"})
        await send({"type": "http.response.trailers", "headers": [(b"x-checksum", b"1")]})

    response = TestClient(app, backend=backend).get("/")
    assert response.extensions["http.response.trailers"] == [(b"x-checksum", b"1")]
    assert response.template == "t"  # type: ignore[attr-defined]
    assert response.context == {"a": 1}  # type: ignore[attr-defined]


def test_after_the_body_the_app_receives_a_disconnect(backend: Backend) -> None:
    received: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        received.append(await receive())
        await send({"type": "http.response.start", "status": 204})
        await send({"type": "http.response.body"})
        received.append(await receive())

    assert TestClient(app, backend=backend).get("/").status_code == 204
    assert received == [
        {"type": "http.request", "body": b"", "more_body": False},
        {"type": "http.disconnect"},
    ]


def test_background_work_finishes_before_the_call_returns(backend: Backend) -> None:
    done: list[str] = []

    async def slow_task() -> None:
        await anyio.sleep(0.05)
        done.append("async task")

    def sync_task() -> None:
        done.append("sync task")

    async def endpoint(request: Request) -> Response:
        response = PlainTextResponse("ok", background=BackgroundTask(slow_task))
        return response

    async def sync_endpoint(request: Request) -> Response:
        return PlainTextResponse("ok", background=BackgroundTask(sync_task))

    app = Starlette(routes=[Route("/", endpoint), Route("/sync", sync_endpoint)])
    client = TestClient(app, backend=backend)
    assert client.get("/").text == "ok"
    assert done == ["async task"]
    assert client.get("/sync").text == "ok"
    assert done == ["async task", "sync task"]


def test_a_background_failure_is_raised_by_default(backend: Backend) -> None:
    async def fail() -> None:
        raise LookupError("background failed")

    async def endpoint(request: Request) -> Response:
        return PlainTextResponse("ok", background=BackgroundTask(fail))

    app = Starlette(routes=[Route("/", endpoint)])
    with pytest.raises(LookupError, match="background failed"):
        TestClient(app, backend=backend).get("/")


def test_the_app_runs_on_the_chosen_backend(backend: Backend) -> None:
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(running_library())
        seen.append(threading.current_thread().name)
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body"})

    TestClient(app, backend=backend).get("/")
    assert seen[0] == backend
    assert seen[1] != threading.current_thread().name


def test_inside_with_every_request_shares_one_portal(backend: Backend) -> None:
    loops: list[Any] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            raise RuntimeError("no lifespan here")
        loops.append(threading.current_thread())
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body"})

    client = TestClient(app, backend=backend)
    client.get("/")
    client.get("/")
    assert loops[0] is not loops[1]
    with client:
        assert client.portal is not None
        client.get("/")
        client.get("/")
    assert loops[2] is loops[3]
    assert client.portal is None


def test_asgi2_apps_are_wrapped(backend: Backend) -> None:
    class ASGI2App:
        def __init__(self, scope: Scope) -> None:
            self.scope = scope

        async def __call__(self, receive: Receive, send: Send) -> None:
            await send({"type": "http.response.start", "status": 200})
            await send({"type": "http.response.body", "body": self.scope["path"].encode()})

    assert TestClient(ASGI2App, backend=backend).get("/asgi2").text == "/asgi2"


def test_the_client_is_not_collected_by_pytest() -> None:
    assert TestClient.__test__ is False


def test_backend_options_reach_the_event_loop(backend: Backend) -> None:
    seen: list[object] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if backend == "asyncio":
            seen.append(asyncio.get_running_loop().get_debug())
        else:
            seen.append(trio.lowlevel.current_clock())
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body"})

    clock = trio.testing.MockClock()
    options: dict[str, Any] = {"debug": True} if backend == "asyncio" else {"clock": clock}
    TestClient(app, backend=backend, backend_options=options).get("/")
    assert seen == [True] if backend == "asyncio" else seen == [clock]


def test_a_streamed_request_body_reaches_the_app(backend: Backend) -> None:
    def parts() -> Iterator[bytes]:
        yield b"one "
        yield b"two"

    client = TestClient(echo_scope, backend=backend)
    assert client.post("/", content=parts()).json()["body"] == "one two"


def test_close_disconnects_open_streams(backend: Backend) -> None:
    events: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200})
        try:
            await send({"type": "http.response.body", "body": b"x", "more_body": True})
        finally:
            events.append("ended")

    client = TestClient(app, backend=backend)
    response = client.send(client.build_request("GET", "/"), stream=True)
    assert response.status_code == 200
    client.close()
    assert events == ["ended"]


def test_entering_twice_is_refused(backend: Backend) -> None:
    client = TestClient(echo_scope, backend=backend)
    with client, pytest.raises(ClientUsageError, match="of http://testserver is already open"):
        client.__enter__()
    with client:
        assert client.get("/").status_code == 200


def test_a_file_response_arrives_whole(tmp_path: Path, backend: Literal["asyncio", "trio"]) -> None:
    # On ASGI < 2.4 Starlette's FileResponse stops sending when it hears
    # "http.disconnect": the client must not announce it before the last chunk.
    (tmp_path / "a.txt").write_bytes(b"x" * 100_000)
    client = TestClient(file_app(tmp_path / "a.txt"), backend=backend)
    for _ in range(10):
        assert client.get("/").content == b"x" * 100_000


def file_app(path: Path) -> Any:
    """An ASGI app answering every request with Starlette's `FileResponse` of `path`."""

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await FileResponse(path)(scope, receive, send)

    return app
