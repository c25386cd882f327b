"""WebSocket sessions of `AsyncTestClient`, on plain ASGI and Starlette apps."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket
from starlette.websockets import WebSocketDisconnect as StarletteDisconnect

from fastslim_testclient import (
    ASGIProtocolError,
    AsyncTestClient,
    AsyncWebSocketTestSession,
    ClientUsageError,
    WebSocketDenialResponse,
    WebSocketDisconnect,
)
from fastslim_testclient._types import Message, Receive, Scope, Send

pytestmark = pytest.mark.anyio


def chat_app(log: list[Any]) -> Starlette:
    async def chat(websocket: WebSocket) -> None:
        await websocket.accept(subprotocol="chat", headers=[(b"x-room", b"1")])
        log.append(websocket.headers.get("x-token"))
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    log.append(("disconnect", message["code"]))
                    return
                if message.get("text") is not None:
                    await websocket.send_text(message["text"].upper())
                else:
                    await websocket.send_bytes(message["bytes"][::-1])
        finally:
            log.append("done")

    async def json_once(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_json({"got": await websocket.receive_json()})
        await websocket.send_json(
            {"got": await websocket.receive_json(mode="binary")}, mode="binary"
        )
        await websocket.close(code=4001, reason="done")

    async def refuse(websocket: WebSocket) -> None:
        await websocket.close(code=4403, reason="forbidden")

    async def deny(websocket: WebSocket) -> None:
        await websocket.send_denial_response(PlainTextResponse("nope", status_code=418))

    return Starlette(
        routes=[
            WebSocketRoute("/chat", chat),
            WebSocketRoute("/json", json_once),
            WebSocketRoute("/refuse", refuse),
            WebSocketRoute("/deny", deny),
        ]
    )


@pytest.mark.parametrize("inside_with", [False, True])
async def test_text_and_bytes_round_trip(inside_with: bool) -> None:
    log: list[Any] = []
    client = AsyncTestClient(chat_app(log))
    if inside_with:
        await client.__aenter__()
    async with client.websocket_connect(
        "/chat", subprotocols=["chat"], headers={"x-token": "t"}
    ) as ws:
        assert ws.accepted_subprotocol == "chat"
        assert ws.extra_headers == [(b"x-room", b"1")]
        assert ws.scope is not None
        assert ws.scope["subprotocols"] == ["chat"]
        await ws.send_text("hello")
        assert await ws.receive_text() == "HELLO"
        await ws.send_bytes(b"abc")
        assert await ws.receive_bytes() == b"cba"
    if inside_with:
        await client.__aexit__()
    assert log == ["t", ("disconnect", 1000), "done"]


async def test_json_modes_and_a_server_close() -> None:
    async with AsyncTestClient(chat_app([])).websocket_connect("/json") as ws:
        await ws.send_json({"a": 1})
        assert await ws.receive_json() == {"got": {"a": 1}}
        await ws.send_json(["b"], mode="binary")
        assert await ws.receive_json(mode="binary") == {"got": ["b"]}
        with pytest.raises(WebSocketDisconnect) as info:
            await ws.receive_text()
    assert (info.value.code, info.value.reason) == (4001, "done")


async def connect(session: AsyncWebSocketTestSession) -> None:
    async with session:
        raise AssertionError("the connection should have been refused")


async def test_a_close_before_accept_raises_with_its_code() -> None:
    with pytest.raises(WebSocketDisconnect) as info:
        await connect(AsyncTestClient(chat_app([])).websocket_connect("/refuse"))
    assert (info.value.code, info.value.reason) == (4403, "forbidden")


async def test_a_denial_response_carries_the_http_response() -> None:
    with pytest.raises(WebSocketDenialResponse) as info:
        await connect(AsyncTestClient(chat_app([])).websocket_connect("/deny"))
    assert info.value.status_code == 418
    assert info.value.text == "nope"


async def test_client_close_and_raw_receive() -> None:
    received: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "bytes": b"\x00"})
        received.append(await receive())

    async with AsyncTestClient(app).websocket_connect("/") as ws:
        assert await ws.receive() == {"type": "websocket.send", "bytes": b"\x00"}
        await ws.close(code=4002, reason="bye")
    assert received == [{"type": "websocket.disconnect", "code": 4002, "reason": "bye"}]


async def test_app_exceptions_are_raised_on_receive_or_exit() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        message = await receive()
        raise ZeroDivisionError(f"broke after {message['type']}")

    async with AsyncTestClient(app).websocket_connect("/") as ws:
        await ws.send_text("x")
        with pytest.raises(ZeroDivisionError, match=r"broke after websocket\.receive"):
            await ws.receive_text()
    with pytest.raises(ZeroDivisionError, match=r"broke after websocket\.disconnect"):
        async with AsyncTestClient(app).websocket_connect("/"):
            pass
    async with AsyncTestClient(app, raise_server_exceptions=False).websocket_connect("/") as ws:
        await ws.send_text("x")
        with pytest.raises(WebSocketDisconnect) as info:
            await ws.receive_text()
    assert info.value.code == 1011


async def test_an_app_returning_without_accepting_is_a_protocol_error() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()

    with pytest.raises(ASGIProtocolError, match="without accepting or closing"):
        await connect(AsyncTestClient(app).websocket_connect("/"))


async def test_an_app_ignoring_the_disconnect_is_cancelled_on_exit() -> None:
    log: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        try:
            await anyio.sleep_forever()
        finally:
            log.append("cancelled")

    async with AsyncTestClient(app).websocket_connect("/"):
        pass
    assert log == ["cancelled"]


async def test_an_exception_in_the_test_body_is_not_wrapped() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        await receive()

    with pytest.raises(KeyError, match="from the test"):
        async with AsyncTestClient(app).websocket_connect("/"):
            raise KeyError("from the test")


async def test_a_session_used_without_async_with_explains_itself() -> None:
    session = AsyncTestClient(chat_app([])).websocket_connect("/chat")
    with pytest.raises(ClientUsageError, match="session to ws://testserver/chat is not open"):
        await session.send_text("x")
    assert session.accepted_subprotocol is None


class FrameworkDisconnect(WebSocketDisconnect, StarletteDisconnect):
    """What a framework sets so that its own `except WebSocketDisconnect` catches ours."""


class FrameworkClient(AsyncTestClient):
    websocket_disconnect_class = FrameworkDisconnect


async def test_a_framework_can_make_the_exceptions_its_own() -> None:
    with pytest.raises(StarletteDisconnect) as info:
        await connect(FrameworkClient(chat_app([])).websocket_connect("/refuse"))
    assert isinstance(info.value, FrameworkDisconnect)
    assert info.value.code == 4403
