"""WebSocket sessions of the sync `TestClient`, on plain ASGI and Starlette apps."""

from __future__ import annotations

from typing import Any, Literal

import anyio
import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket
from starlette.websockets import WebSocketDisconnect as StarletteDisconnect

from fastslim_testclient import (
    ASGIProtocolError,
    ClientUsageError,
    TestClient,
    WebSocketDenialResponse,
    WebSocketDisconnect,
    WebSocketTestSession,
)
from fastslim_testclient._types import Message, Receive, Scope, Send

Backend = Literal["asyncio", "trio"]


def echo_app(log: list[Any]) -> Starlette:
    async def echo(websocket: WebSocket) -> None:
        await websocket.accept(subprotocol="chat.v2", headers=[(b"x-server", b"yes")])
        log.append(("scope", websocket.url.path, websocket.query_params.get("room")))
        log.append(("headers", websocket.headers.get("x-token"), websocket.cookies.get("c")))
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    log.append(("disconnect", message["code"]))
                    return
                if message.get("text") is not None:
                    await websocket.send_text("echo " + message["text"])
                else:
                    await websocket.send_bytes(b"echo " + message["bytes"])
        finally:
            log.append("done")

    async def json_echo(websocket: WebSocket) -> None:
        await websocket.accept()
        data = await websocket.receive_json()
        await websocket.send_json({"got": data})
        binary = await websocket.receive_json(mode="binary")
        await websocket.send_json({"got": binary}, mode="binary")
        await websocket.close(code=4000, reason="bye")

    return Starlette(routes=[WebSocketRoute("/echo", echo), WebSocketRoute("/json", json_echo)])


def test_text_and_bytes_round_trip(backend: Backend) -> None:
    log: list[Any] = []
    client = TestClient(echo_app(log), backend=backend, cookies={"c": "cookie"})
    with client.websocket_connect(
        "/echo?room=1", subprotocols=["chat.v1", "chat.v2"], headers={"x-token": "t"}
    ) as websocket:
        assert websocket.accepted_subprotocol == "chat.v2"
        assert websocket.extra_headers == [(b"x-server", b"yes")]
        websocket.send_text("hello")
        assert websocket.receive_text() == "echo hello"
        websocket.send_bytes(b"raw")
        assert websocket.receive_bytes() == b"echo raw"
        assert websocket.scope["subprotocols"] == ["chat.v1", "chat.v2"]
    assert log == [
        ("scope", "/echo", "1"),
        ("headers", "t", "cookie"),
        ("disconnect", 1000),
        "done",
    ]


def test_json_in_text_and_binary_mode_and_a_server_close(backend: Backend) -> None:
    client = TestClient(echo_app([]), backend=backend)
    with client.websocket_connect("/json") as websocket:
        websocket.send_json({"a": "é"})
        assert websocket.receive_json() == {"got": {"a": "é"}}
        websocket.send_json([1, 2], mode="binary")
        assert websocket.receive_json(mode="binary") == {"got": [1, 2]}
        with pytest.raises(WebSocketDisconnect) as info:
            websocket.receive_text()
    assert info.value.code == 4000
    assert info.value.reason == "bye"


def test_a_close_before_accept_raises_with_its_code(backend: Backend) -> None:
    async def refuse(websocket: WebSocket) -> None:
        await websocket.close(code=1008, reason="no entry")

    app = Starlette(routes=[WebSocketRoute("/", refuse)])
    with (
        pytest.raises(WebSocketDisconnect) as info,
        TestClient(app, backend=backend).websocket_connect("/"),
    ):
        pass
    assert info.value.code == 1008
    assert info.value.reason == "no entry"


def test_a_denial_response_carries_the_http_response(backend: Backend) -> None:
    async def deny(websocket: WebSocket) -> None:
        await websocket.send_denial_response(
            JSONResponse(
                {"detail": "Not authenticated"},
                status_code=401,
                headers={"www-authenticate": "Bearer"},
            )
        )

    app = Starlette(routes=[WebSocketRoute("/", deny)])
    client = TestClient(app, backend=backend)
    with pytest.raises(WebSocketDenialResponse) as info, client.websocket_connect("/"):
        pass
    denial = info.value
    assert isinstance(denial, WebSocketDisconnect)
    assert denial.status_code == 401
    assert denial.headers["www-authenticate"] == "Bearer"
    assert denial.json() == {"detail": "Not authenticated"}
    assert str(denial) == "The app denied the WebSocket connection with HTTP 401."


def test_a_raw_denial_in_several_body_chunks(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        assert "websocket.http.response" in scope["extensions"]
        await receive()
        await send({"type": "websocket.http.response.start", "status": 403, "headers": []})
        await send({"type": "websocket.http.response.body", "body": b"go ", "more_body": True})
        await send({"type": "websocket.http.response.body", "body": b"away"})

    with (
        pytest.raises(WebSocketDenialResponse) as info,
        TestClient(app, backend=backend).websocket_connect("/"),
    ):
        pass
    assert info.value.status_code == 403
    assert info.value.text == "go away"


def test_client_close_sends_the_code_and_reason(backend: Backend) -> None:
    received: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        received.append(await receive())

    with TestClient(app, backend=backend).websocket_connect("/") as websocket:
        websocket.close(code=4001, reason="leaving")
    assert received == [{"type": "websocket.disconnect", "code": 4001, "reason": "leaving"}]


def test_receive_returns_raw_messages_including_close(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "text": "hi"})
        await send({"type": "websocket.close", "code": 1001})

    with TestClient(app, backend=backend).websocket_connect("/") as websocket:
        assert websocket.receive() == {"type": "websocket.send", "text": "hi"}
        assert websocket.receive() == {"type": "websocket.close", "code": 1001}


def test_an_app_exception_is_raised_on_receive(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        raise ZeroDivisionError("websocket handler broke")

    client = TestClient(app, backend=backend)
    with (
        client.websocket_connect("/") as websocket,
        pytest.raises(ZeroDivisionError, match="websocket handler broke"),
    ):
        websocket.receive_text()
    quiet = TestClient(app, backend=backend, raise_server_exceptions=False)
    with quiet.websocket_connect("/") as websocket, pytest.raises(WebSocketDisconnect) as info:
        websocket.receive_text()
    assert info.value.code == 1011


def test_an_app_exception_not_yet_seen_is_raised_on_exit(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        await receive()
        raise ZeroDivisionError("after the disconnect")

    client = TestClient(app, backend=backend)
    with (
        pytest.raises(ZeroDivisionError, match="after the disconnect"),
        client.websocket_connect("/"),
    ):
        pass


def test_a_starlette_endpoint_reading_until_disconnect_raises_its_disconnect(
    backend: Backend,
) -> None:
    async def endpoint(websocket: WebSocket) -> None:
        await websocket.accept()
        while True:
            await websocket.send_text(await websocket.receive_text())

    app = Starlette(routes=[WebSocketRoute("/", endpoint)])

    def talk(session: WebSocketTestSession) -> None:
        with session as websocket:
            websocket.send_text("x")
            assert websocket.receive_text() == "x"

    with pytest.raises(StarletteDisconnect):
        talk(TestClient(app, backend=backend).websocket_connect("/"))


def test_an_app_returning_after_accept_closes_with_1000(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})

    client = TestClient(app, backend=backend)
    with client.websocket_connect("/") as websocket, pytest.raises(WebSocketDisconnect) as info:
        websocket.receive_text()
    assert info.value.code == 1000


def test_an_app_returning_without_accepting_is_a_protocol_error(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()

    with (
        pytest.raises(ASGIProtocolError, match="without accepting or closing"),
        TestClient(app, backend=backend).websocket_connect("/"),
    ):
        pass


def test_an_unknown_message_from_the_app_is_a_protocol_error(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.bogus"})

    with (
        pytest.raises(ASGIProtocolError, match=r"'websocket\.bogus'"),
        TestClient(app, backend=backend).websocket_connect("/"),
    ):
        pass


def test_an_app_ignoring_the_disconnect_is_cancelled_on_exit(backend: Backend) -> None:
    log: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        try:
            await anyio.sleep_forever()
        finally:
            log.append("cancelled")

    with TestClient(app, backend=backend).websocket_connect("/"):
        pass
    assert log == ["cancelled"]


def test_websocket_urls_follow_the_base_url(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        await send(
            {
                "type": "websocket.send",
                "text": f"{scope['scheme']} {scope['path']} {scope['server']}",
            }
        )
        await send({"type": "websocket.close"})

    client = TestClient(app, base_url="https://example.org/api/", backend=backend)
    with client.websocket_connect("ws/1") as websocket:
        assert websocket.receive_text() == "wss /api/ws/1 ('example.org', 443)"


def test_a_session_used_without_with_explains_itself(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise AssertionError("not reached")

    session = TestClient(app, backend=backend).websocket_connect("/chat")
    with pytest.raises(ClientUsageError) as caught:
        session.send_text("x")
    assert str(caught.value) == (
        "The WebSocket session to ws://testserver/chat is not open: "
        "use it as `with client.websocket_connect(url) as websocket:`."
    )
    assert isinstance(caught.value, RuntimeError)


def test_a_handshake_that_never_reaches_the_transport_is_reported(backend: Backend) -> None:
    class MockingClient(TestClient):
        def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            return httpx.Response(200, request=request)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise AssertionError("not reached")

    client = MockingClient(app, backend=backend)
    with pytest.raises(ClientUsageError) as caught:
        client.websocket_connect("/ws")
    assert str(caught.value) == (
        "The WebSocket handshake GET ws://testserver/ws never reached the test client's "
        "transport (does a subclass override `request` or `send`?)."
    )


def test_sessions_inside_with_share_the_portal_and_state(backend: Backend) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await receive()
            scope["state"]["greeting"] = "hi"
            await send({"type": "lifespan.startup.complete"})
            await receive()
            await send({"type": "lifespan.shutdown.complete"})
            return
        await receive()
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "text": scope["state"]["greeting"]})

    with TestClient(app, backend=backend) as client, client.websocket_connect("/") as websocket:
        assert websocket.receive_text() == "hi"


class FrameworkDisconnect(WebSocketDisconnect, StarletteDisconnect):
    """What a framework sets so that its own `except WebSocketDisconnect` catches ours."""


class FrameworkDenial(WebSocketDenialResponse, FrameworkDisconnect):  # type: ignore[misc]
    pass


class FrameworkClient(TestClient):
    websocket_disconnect_class = FrameworkDisconnect
    websocket_denial_class = FrameworkDenial


def test_a_framework_can_make_the_exceptions_its_own(backend: Backend) -> None:
    async def refuse(websocket: WebSocket) -> None:
        await websocket.close(code=4003, reason="no")

    async def deny(websocket: WebSocket) -> None:
        await websocket.send_denial_response(JSONResponse({"detail": "x"}, status_code=403))

    app = Starlette(routes=[WebSocketRoute("/refuse", refuse), WebSocketRoute("/deny", deny)])
    client = FrameworkClient(app, backend=backend)
    with pytest.raises(StarletteDisconnect) as closed, client.websocket_connect("/refuse"):
        pass
    assert isinstance(closed.value, FrameworkDisconnect)
    assert (closed.value.code, closed.value.reason) == (4003, "no")
    with pytest.raises(StarletteDisconnect) as denied, client.websocket_connect("/deny"):
        pass
    assert isinstance(denied.value, FrameworkDenial)
    assert denied.value.status_code == 403
    assert denied.value.code == 1006
