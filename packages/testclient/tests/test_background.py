"""Background work: waited for by default, or left pending with `wait_for_background=False`."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Awaitable, Callable
from typing import Literal

import anyio
import pytest
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from fastslim_testclient import AsyncTestClient, ClientUsageError, TestClient
from fastslim_testclient._background import raise_failures

Backend = Literal["asyncio", "trio"]


def app_with_background(log: list[str], wait: Callable[[], Awaitable[object]]) -> Starlette:
    """GET / answers "ok" at once; its background task waits, then logs."""

    async def work(name: str) -> None:
        await wait()
        if name == "fail":
            raise LookupError("background failed")
        log.append(f"{name} done")

    async def endpoint(request: Request) -> Response:
        name = request.query_params.get("name", "task")
        return PlainTextResponse("ok", background=BackgroundTask(work, name))

    return Starlette(routes=[Route("/", endpoint)])


def threaded_gate() -> tuple[threading.Event, Callable[[], Awaitable[object]]]:
    gate = threading.Event()

    async def wait() -> None:
        await anyio.to_thread.run_sync(gate.wait)

    return gate, wait


@pytest.mark.parametrize("inside_with", [False, True])
def test_the_response_does_not_wait_for_background_work(
    backend: Backend, inside_with: bool
) -> None:
    log: list[str] = []
    gate, wait = threaded_gate()
    client = TestClient(app_with_background(log, wait), backend=backend, wait_for_background=False)
    with client if inside_with else contextlib.nullcontext():
        response = client.get("/")
        # The background task is blocked on the gate, yet the call returned.
        assert response.text == "ok"
        assert log == []
        assert client.pending_background == 1
        gate.set()
        client.wait_background()
        assert log == ["task done"]
        assert client.pending_background == 0


def test_by_default_the_call_waits_for_background_work(backend: Backend) -> None:
    log: list[str] = []
    gate, wait = threaded_gate()
    gate.set()
    client = TestClient(app_with_background(log, wait), backend=backend)
    assert client.get("/").text == "ok"
    assert log == ["task done"]
    assert client.pending_background == 0


def test_wait_background_raises_what_background_work_raised(backend: Backend) -> None:
    log: list[str] = []
    gate, wait = threaded_gate()
    client = TestClient(app_with_background(log, wait), backend=backend, wait_for_background=False)
    assert client.get("/", params={"name": "fail"}).status_code == 200
    gate.set()
    with pytest.raises(LookupError, match="background failed"):
        client.wait_background()
    assert client.pending_background == 0


def test_several_background_failures_come_in_a_group(backend: Backend) -> None:
    gate, wait = threaded_gate()
    client = TestClient(app_with_background([], wait), backend=backend, wait_for_background=False)
    with client:
        client.get("/", params={"name": "fail"})
        client.get("/", params={"name": "fail"})
        gate.set()
        with pytest.raises(ExceptionGroup) as info:
            client.wait_background()
    assert str(info.value).startswith("2 app calls raised after their responses")
    assert [type(error) for error in info.value.exceptions] == [LookupError, LookupError]


def test_background_failures_are_dropped_without_raise_server_exceptions(backend: Backend) -> None:
    gate, wait = threaded_gate()
    client = TestClient(
        app_with_background([], wait),
        backend=backend,
        wait_for_background=False,
        raise_server_exceptions=False,
    )
    client.get("/", params={"name": "fail"})
    gate.set()
    client.wait_background()
    assert client.pending_background == 0


def test_leaving_with_waits_for_pending_work_and_raises_its_failure(backend: Backend) -> None:
    log: list[str] = []
    gate, wait = threaded_gate()
    client = TestClient(app_with_background(log, wait), backend=backend, wait_for_background=False)

    def use() -> None:
        with client:
            client.get("/")
            client.get("/", params={"name": "fail"})
            gate.set()

    with pytest.raises(LookupError, match="background failed"):
        use()
    assert log == ["task done"]


def test_a_failing_test_body_cancels_pending_work(backend: Backend) -> None:
    log: list[str] = []
    client = TestClient(
        app_with_background(log, anyio.sleep_forever), backend=backend, wait_for_background=False
    )

    def fail() -> None:
        with client:
            client.get("/")
            raise KeyError("the test failed")

    with pytest.raises(KeyError):
        fail()
    assert client.pending_background == 0
    assert log == []


def test_close_waits_for_pending_work(backend: Backend) -> None:
    log: list[str] = []
    gate, wait = threaded_gate()
    client = TestClient(app_with_background(log, wait), backend=backend, wait_for_background=False)
    client.get("/")
    gate.set()
    client.close()
    assert log == ["task done"]


@pytest.mark.anyio
async def test_the_async_response_does_not_wait_for_background_work() -> None:
    log: list[str] = []
    gate = anyio.Event()
    app = app_with_background(log, gate.wait)
    async with AsyncTestClient(app, wait_for_background=False) as client:
        response = await client.get("/")
        assert response.text == "ok"
        assert log == []
        assert client.pending_background == 1
        gate.set()
        await client.wait_background()
        assert log == ["task done"]
        assert client.pending_background == 0


@pytest.mark.anyio
async def test_by_default_the_async_call_waits_for_background_work() -> None:
    log: list[str] = []

    async def short_wait() -> None:
        await anyio.sleep(0.01)

    async with AsyncTestClient(app_with_background(log, short_wait)) as client:
        assert (await client.get("/")).text == "ok"
        assert log == ["task done"]
    assert (await AsyncTestClient(app_with_background(log, short_wait)).get("/")).text == "ok"
    assert log == ["task done", "task done"]


@pytest.mark.anyio
async def test_async_wait_background_raises_and_leaving_raises_too() -> None:
    gate = anyio.Event()
    app = app_with_background([], gate.wait)
    async with AsyncTestClient(app, wait_for_background=False) as client:
        await client.get("/", params={"name": "fail"})
        gate.set()
        with pytest.raises(LookupError, match="background failed"):
            await client.wait_background()
    client = AsyncTestClient(app, wait_for_background=False)
    with pytest.raises(LookupError, match="background failed"):
        async with client:
            await client.get("/", params={"name": "fail"})


@pytest.mark.anyio
async def test_a_failing_async_test_body_cancels_pending_work() -> None:
    log: list[str] = []
    client = AsyncTestClient(
        app_with_background(log, anyio.sleep_forever), wait_for_background=False
    )

    async def fail() -> None:
        async with client:
            await client.get("/")
            raise KeyError("the test failed")

    with pytest.raises(KeyError):
        await fail()
    assert client.pending_background == 0
    assert log == []


@pytest.mark.anyio
async def test_async_no_wait_mode_needs_async_with() -> None:
    client = AsyncTestClient(
        app_with_background([], anyio.sleep_forever), wait_for_background=False
    )
    with pytest.raises(
        ClientUsageError, match=r"needs a task group: send GET http://testserver/ inside"
    ):
        await client.get("/")


def test_raise_failures_raises_one_as_it_is_and_several_in_a_group() -> None:
    raise_failures([])
    with pytest.raises(KeyError):
        raise_failures([KeyError("one")])
    with pytest.raises(ExceptionGroup, match=r"^2 things failed\.$"):
        raise_failures([KeyError("one"), ValueError("two")], "things failed")


def test_waiting_with_nothing_pending_returns_at_once(backend: Backend) -> None:
    client = TestClient(app_with_background([], anyio.sleep_forever), backend=backend)
    client.wait_background()
    assert client.pending_background == 0
