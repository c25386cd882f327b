"""Read timeouts: an app that never answers fails the request instead of hanging the test."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Literal

import anyio
import httpx
import pytest

from fastslim_testclient import AppTimeout, AsyncTestClient, TestClient
from fastslim_testclient._timeout import read_timeout
from fastslim_testclient._types import ASGIApp, Message, Receive, Scope, Send

Backend = Literal["asyncio", "trio"]

#: The read timeout of most tests, in seconds; an app call takes at most
#: this plus the disconnect grace period before it fails.
TIMEOUT = 0.3
#: How late a timeout may fire on a busy machine before the test fails.
SLACK = 2.0


async def respond(send: Send, body: bytes) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def slow_app(log: list[object]) -> ASGIApp:
    """An app whose paths are the ways an app keeps a client waiting."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return
        path = scope["path"]
        try:
            if scope["type"] == "websocket":
                log.append(await receive())
                await anyio.sleep_forever()
            elif path == "/ok":
                await respond(send, b"ok")
            elif path == "/forever":
                log.append("started")
                await anyio.sleep_forever()
            elif path == "/receive-twice":
                log.append(await receive())
                log.append(await receive())
            elif path.startswith("/sleep/"):
                await anyio.sleep(float(path.removeprefix("/sleep/")))
                await respond(send, b"slept")
            elif path.startswith("/drip/"):
                gap = float(path.removeprefix("/drip/"))
                await send({"type": "http.response.start", "status": 200, "headers": []})
                for number in range(6):
                    await anyio.sleep(gap)
                    chunk = f"{number};".encode()
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b"end"})
            elif path == "/background":
                await respond(send, b"done")
                await anyio.sleep_forever()
        except anyio.get_cancelled_exc_class():
            log.append(f"{path} cancelled")
            raise

    return app


@contextlib.contextmanager
def takes_about(seconds: float) -> Iterator[None]:
    """The block lasts at least `seconds`, and not much longer."""
    start = time.monotonic()
    yield
    elapsed = time.monotonic() - start
    assert seconds <= elapsed < seconds + SLACK, elapsed


def maybe_with(client: TestClient, inside_with: bool) -> contextlib.AbstractContextManager[object]:
    return client if inside_with else contextlib.nullcontext()


def test_the_read_timeout_is_the_read_part_of_the_requests_timeouts() -> None:
    bare = httpx.Request("GET", "http://testserver/")
    assert read_timeout(bare) is None
    timeouts = httpx.Timeout(None, read=2).as_dict()
    assert read_timeout(httpx.Request("GET", "/", extensions={"timeout": timeouts})) == 2.0
    client = httpx.Client(timeout=httpx.Timeout(5.0, read=None))
    assert read_timeout(client.build_request("GET", "http://testserver/")) is None
    assert read_timeout(client.build_request("GET", "http://testserver/", timeout=3)) == 3.0
    client.close()


# The sync client.


@pytest.mark.parametrize("inside_with", [False, True])
def test_an_app_that_awaits_forever_times_out(backend: Backend, inside_with: bool) -> None:
    log: list[object] = []
    client = TestClient(slow_app(log), backend=backend)
    with maybe_with(client, inside_with):
        with takes_about(TIMEOUT), pytest.raises(AppTimeout) as caught:
            client.get("/forever", timeout=TIMEOUT)
        assert log == ["started", "/forever cancelled"]
        assert client.get("/ok").text == "ok"
    error = caught.value
    assert isinstance(error, httpx.ReadTimeout)
    assert error.timeout == TIMEOUT
    assert error.request.url == "http://testserver/forever"
    assert str(error) == (
        "The app did not start a response to GET http://testserver/forever "
        "within the read timeout of 0.3 s."
    )


def test_an_app_receiving_twice_gets_a_disconnect_when_the_read_times_out(
    backend: Backend,
) -> None:
    log: list[object] = []
    client = TestClient(slow_app(log), backend=backend)
    with takes_about(TIMEOUT), pytest.raises(AppTimeout, match="POST http://testserver/receive"):
        client.post("/receive-twice", content=b"data", timeout=TIMEOUT)
    request: Message = {"type": "http.request", "body": b"data", "more_body": False}
    assert log == [request, {"type": "http.disconnect"}]


def test_the_client_timeout_applies_unless_the_request_sets_its_own(backend: Backend) -> None:
    log: list[object] = []
    with TestClient(slow_app(log), backend=backend, timeout=TIMEOUT) as client:
        assert client.timeout == httpx.Timeout(TIMEOUT)
        with pytest.raises(AppTimeout, match=r"within the read timeout of 0\.3 s"):
            client.get("/sleep/2")
        assert client.get("/sleep/0.4", timeout=None).text == "slept"
        assert client.get("/sleep/0.4", timeout=1.0).text == "slept"
    assert log == ["/sleep/2 cancelled"]


def test_only_the_read_timeout_bounds_the_app(backend: Backend) -> None:
    client = TestClient(slow_app([]), backend=backend)
    others = httpx.Timeout(0.01, read=None)
    assert client.get("/sleep/0.2", timeout=others).text == "slept"
    with pytest.raises(AppTimeout):
        client.get("/sleep/2", timeout=httpx.Timeout(None, read=TIMEOUT))


def test_without_a_timeout_the_client_waits_as_long_as_the_app_takes(backend: Backend) -> None:
    client = TestClient(slow_app([]), backend=backend)
    assert client.timeout == httpx.Timeout(None)
    assert client.get("/sleep/0.2").text == "slept"


def test_the_read_timeout_applies_to_each_chunk_not_to_the_whole_body(backend: Backend) -> None:
    client = TestClient(slow_app([]), backend=backend)
    # Six gaps of 0.08 s: longer than the timeout overall, each chunk in time.
    assert client.get("/drip/0.08", timeout=TIMEOUT).text == "0;1;2;3;4;5;end"
    with client, client.stream("GET", "/drip/0.08", timeout=TIMEOUT) as response:
        assert list(response.iter_bytes()) == [b"0;", b"1;", b"2;", b"3;", b"4;", b"5;", b"end"]


def test_a_body_chunk_that_comes_too_late_times_out(backend: Backend) -> None:
    log: list[object] = []
    client = TestClient(slow_app(log), backend=backend)
    with pytest.raises(AppTimeout, match="no more of the response body"):
        client.get("/drip/1", timeout=TIMEOUT)
    assert log == ["/drip/1 cancelled"]
    with client:
        with client.stream("GET", "/drip/1", timeout=TIMEOUT) as response:
            assert response.status_code == 200
            with pytest.raises(AppTimeout) as caught:
                response.read()
        assert str(caught.value) == (
            "The app sent no more of the response body of GET http://testserver/drip/1 "
            "within the read timeout of 0.3 s."
        )
        assert log == ["/drip/1 cancelled"] * 2
        assert client.get("/ok").text == "ok"


def test_background_work_that_never_ends_times_out(backend: Backend) -> None:
    log: list[object] = []
    client = TestClient(slow_app(log), backend=backend)
    with pytest.raises(AppTimeout) as caught:
        client.get("/background", timeout=TIMEOUT)
    assert str(caught.value) == (
        "The app did not return within the read timeout of 0.3 s after completing "
        "the response to GET http://testserver/background (its background work still runs)."
    )
    assert log == ["/background cancelled"]


def test_a_websocket_session_still_works_with_a_client_timeout(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        message = await receive()
        await anyio.sleep(0.1)
        await send({"type": "websocket.send", "text": message["text"]})
        await send({"type": "websocket.close"})

    client = TestClient(app, backend=backend, timeout=0.5)
    with client.websocket_connect("/ws") as websocket:
        websocket.send_text("hi")
        time.sleep(0.6)
        assert websocket.receive_text() == "hi"


@pytest.mark.parametrize("inside_with", [False, True])
def test_a_websocket_handshake_the_app_never_answers_times_out(
    backend: Backend, inside_with: bool
) -> None:
    log: list[object] = []
    client = TestClient(slow_app(log), backend=backend)
    with maybe_with(client, inside_with):
        with takes_about(TIMEOUT), pytest.raises(AppTimeout) as caught:
            client.websocket_connect("/ws", timeout=TIMEOUT).__enter__()
        assert str(caught.value) == (
            "The app did not answer the WebSocket handshake GET ws://testserver/ws "
            "within the read timeout of 0.3 s."
        )
        assert log == [{"type": "websocket.connect"}, "/ws cancelled"]
        assert client.get("/ok").text == "ok"


# The async client.


@pytest.mark.anyio
@pytest.mark.parametrize("inside_with", [False, True])
async def test_async_an_app_that_awaits_forever_times_out(inside_with: bool) -> None:
    log: list[object] = []
    client = AsyncTestClient(slow_app(log))
    async with client if inside_with else contextlib.nullcontext():
        with takes_about(TIMEOUT), pytest.raises(AppTimeout) as caught:
            await client.get("/forever", timeout=TIMEOUT)
        assert log == ["started", "/forever cancelled"]
        assert (await client.get("/ok")).text == "ok"
    assert str(caught.value) == (
        "The app did not start a response to GET http://testserver/forever "
        "within the read timeout of 0.3 s."
    )


@pytest.mark.anyio
@pytest.mark.parametrize("inside_with", [False, True])
async def test_async_an_app_receiving_twice_times_out(inside_with: bool) -> None:
    log: list[object] = []
    client = AsyncTestClient(slow_app(log), timeout=TIMEOUT)
    async with client if inside_with else contextlib.nullcontext():
        with takes_about(TIMEOUT), pytest.raises(AppTimeout, match="GET http://testserver/rec"):
            await client.get("/receive-twice")
    assert log[1:] == [{"type": "http.disconnect"}]


@pytest.mark.anyio
async def test_async_the_request_timeout_overrides_the_clients() -> None:
    client = AsyncTestClient(slow_app([]), timeout=TIMEOUT)
    assert client.timeout == httpx.Timeout(TIMEOUT)
    assert (await client.get("/sleep/0.4", timeout=None)).text == "slept"
    assert AsyncTestClient(slow_app([])).timeout == httpx.Timeout(None)


@pytest.mark.anyio
@pytest.mark.parametrize("inside_with", [False, True])
async def test_async_the_read_timeout_applies_to_each_chunk(inside_with: bool) -> None:
    log: list[object] = []
    client = AsyncTestClient(slow_app(log), timeout=TIMEOUT)
    async with client if inside_with else contextlib.nullcontext():
        assert (await client.get("/drip/0.08")).text == "0;1;2;3;4;5;end"
        with pytest.raises(AppTimeout, match="no more of the response body of GET"):
            await client.get("/drip/1")
        assert log == ["/drip/1 cancelled"]
        assert (await client.get("/ok")).text == "ok"


@pytest.mark.anyio
async def test_async_a_stream_read_times_out_per_chunk() -> None:
    log: list[object] = []
    async with (
        AsyncTestClient(slow_app(log)) as client,
        client.stream("GET", "/drip/1", timeout=TIMEOUT) as response,
    ):
        with pytest.raises(AppTimeout, match="no more of the response body"):
            await response.aread()
    assert log == ["/drip/1 cancelled"]


@pytest.mark.anyio
async def test_async_background_work_that_never_ends_times_out() -> None:
    log: list[object] = []
    async with AsyncTestClient(slow_app(log), timeout=TIMEOUT) as client:
        with pytest.raises(AppTimeout, match="its background work still runs"):
            await client.get("/background")
        assert log == ["/background cancelled"]


@pytest.mark.anyio
@pytest.mark.parametrize("inside_with", [False, True])
async def test_async_a_websocket_handshake_the_app_never_answers_times_out(
    inside_with: bool,
) -> None:
    log: list[object] = []
    client = AsyncTestClient(slow_app(log), timeout=TIMEOUT)
    async with client if inside_with else contextlib.nullcontext():
        with takes_about(TIMEOUT), pytest.raises(AppTimeout, match="handshake GET ws://"):
            await client.websocket_connect("/ws").__aenter__()
        assert log == [{"type": "websocket.connect"}, "/ws cancelled"]
        assert (await client.get("/ok")).text == "ok"
