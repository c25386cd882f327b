"""The HTTP exchange engine, driven directly on asyncio and trio."""

from __future__ import annotations

import anyio
import anyio.lowlevel
import pytest

from fastslim_testclient._exchange import HTTPExchange
from fastslim_testclient._types import Message, Receive, Scope, Send

pytestmark = pytest.mark.anyio


def scope() -> Scope:
    return {"type": "http", "method": "GET", "path": "/"}


async def test_a_complete_exchange() -> None:
    received: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        received.append(await receive())
        await send({"type": "http.response.start", "status": 202, "headers": [(b"a", b"b")]})
        await send({"type": "http.response.body", "body": b"x", "more_body": True})
        await send({"type": "http.response.body", "body": b"y"})
        received.append(await receive())

    exchange = HTTPExchange(app, scope(), b"request body")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        assert (exchange.response_started, exchange.status_code) == (True, 202)
        assert exchange.headers == [(b"a", b"b")]
        assert await exchange.receive_chunk() == b"x"
        assert await exchange.receive_chunk() == b"y"
        assert await exchange.receive_chunk() is None
        assert await exchange.finish_body(wait_for_background=True) is False
        # The app has returned: its second receive got the disconnect.
        assert len(received) == 2
    assert exchange.response_complete
    assert exchange.exception is None
    assert received == [
        {"type": "http.request", "body": b"request body", "more_body": False},
        {"type": "http.disconnect"},
    ]


async def test_the_app_waits_for_the_reader() -> None:
    progress: list[int] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200})
        for number in range(3):
            await send({"type": "http.response.body", "body": b"n", "more_body": True})
            progress.append(number)
        await send({"type": "http.response.body"})

    exchange = HTTPExchange(app, scope(), b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        await anyio.sleep(0.01)
        # Unbuffered: nothing read yet, so the first send has not returned.
        assert progress == []
        assert await exchange.receive_chunk() == b"n"
        while await exchange.receive_chunk() is not None:
            pass
    assert progress == [0, 1, 2]


async def test_without_waiting_the_app_is_left_pending_after_the_body() -> None:
    gate = anyio.Event()
    log: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"done"})
        await gate.wait()
        log.append("returning")
        raise RuntimeError("late failure")

    exchange = HTTPExchange(app, scope(), b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        assert await exchange.receive_chunk() == b"done"
        assert await exchange.finish_body(wait_for_background=False) is True
        await anyio.sleep(0.01)
        assert log == []
        gate.set()
        error = await exchange.wait_finished()
    assert isinstance(error, RuntimeError)
    assert str(error) == "late failure"


async def test_a_truncated_body_is_not_left_pending() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"part", "more_body": True})

    exchange = HTTPExchange(app, scope(), b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        assert await exchange.receive_chunk() == b"part"
        assert await exchange.receive_chunk() is None
        assert await exchange.finish_body(wait_for_background=False) is False
    assert not exchange.response_complete


async def test_cancel_stops_the_app_without_recording_an_exception() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await anyio.sleep_forever()

    exchange = HTTPExchange(app, scope(), b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await anyio.lowlevel.checkpoint()
        await exchange.cancel()
    assert exchange.exception is None
    assert not exchange.response_started


@pytest.fixture
def long_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    """A grace period no test waits for: an app must be seen to settle by itself."""
    monkeypatch.setattr("fastslim_testclient._exchange.DISCONNECT_GRACE_SECONDS", 30)
    monkeypatch.setattr("fastslim_testclient._websocket_channel.DISCONNECT_GRACE_SECONDS", 30)


@pytest.mark.usefixtures("long_grace")
async def test_an_app_waiting_again_after_the_disconnect_is_cancelled_without_grace() -> None:
    seen: list[object] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200})
        await send({"type": "http.response.body", "body": b"x", "more_body": True})
        try:
            seen.append(await receive())
            while True:  # an app that ignores the disconnect
                await receive()
        finally:
            seen.append("ended")

    exchange = HTTPExchange(app, scope(), b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        assert await exchange.receive_chunk() == b"x"
        with anyio.fail_after(5):
            await exchange.disconnect()
    assert seen == [{"type": "http.disconnect"}, "ended"]


@pytest.mark.usefixtures("long_grace")
async def test_a_disconnected_app_that_keeps_sending_is_cancelled_without_grace() -> None:
    sent: list[int] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200})
        while True:
            await send({"type": "http.response.body", "body": b"x", "more_body": True})
            sent.append(len(sent))

    exchange = HTTPExchange(app, scope(), b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        assert await exchange.receive_chunk() == b"x"
        with anyio.fail_after(5):
            await exchange.disconnect()
    assert len(sent) <= 1
