"""WebSocket message helpers and the channel engine, driven directly."""

from __future__ import annotations

import anyio
import pytest

from fastslim_testclient import ASGIProtocolError, WebSocketDisconnect
from fastslim_testclient._types import Receive, Scope, Send
from fastslim_testclient._websocket_channel import (
    WebSocketChannel,
    bytes_message,
    json_message,
    message_bytes,
    message_json,
    message_text,
    text_message,
)


def test_messages_to_the_app() -> None:
    assert text_message("t") == {"type": "websocket.receive", "text": "t"}
    assert bytes_message(b"b") == {"type": "websocket.receive", "bytes": b"b"}
    assert json_message({"é": [1]}, "text") == {"type": "websocket.receive", "text": '{"é":[1]}'}
    assert json_message(1, "binary") == {"type": "websocket.receive", "bytes": b"1"}


def test_messages_from_the_app() -> None:
    assert message_text({"type": "websocket.send", "text": "t", "bytes": None}) == "t"
    assert message_bytes({"type": "websocket.send", "bytes": bytearray(b"b")}) == b"b"
    assert message_json({"type": "websocket.send", "text": "[1]"}, "text") == [1]
    assert message_json({"type": "websocket.send", "bytes": b'{"a":1}'}, "binary") == {"a": 1}


def test_a_message_of_the_other_kind_is_reported() -> None:
    with pytest.raises(TypeError, match=r"Expected a text message from the app, got \{"):
        message_text({"type": "websocket.send", "bytes": b"b"})
    with pytest.raises(TypeError, match=r"Expected a binary message from the app, got \{"):
        message_bytes({"type": "websocket.send", "text": "t"})


@pytest.mark.parametrize("mode", ["json", "TEXT", ""])
def test_an_unknown_json_mode_is_refused(mode: str) -> None:
    with pytest.raises(ValueError, match=f"must be 'text' or 'binary', got '{mode}'"):
        json_message({}, mode)
    with pytest.raises(ValueError, match=f"must be 'text' or 'binary', got '{mode}'"):
        message_json({"type": "websocket.send", "text": "{}"}, mode)


@pytest.mark.anyio
async def test_a_channel_round_trip_and_shutdown() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept", "subprotocol": "p", "headers": [(b"h", b"v")]})
        message = await receive()
        await send({"type": "websocket.send", "text": message["text"] * 2})
        assert (await receive())["type"] == "websocket.disconnect"

    channel = WebSocketChannel(
        app, {"type": "websocket", "path": "/"}, raise_server_exceptions=True
    )
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(channel.run_app)
        await channel.connect()
        assert (channel.accepted, channel.accepted_subprotocol) == (True, "p")
        assert channel.extra_headers == [(b"h", b"v")]
        await channel.send(text_message("ab"))
        assert message_text(await channel.receive_data()) == "abab"
        assert await channel.shutdown() is None
    assert channel.client_closed


@pytest.mark.anyio
async def test_a_server_close_echoes_its_code_in_the_disconnect() -> None:
    codes: list[int] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.close", "code": 4321})
        codes.append((await receive())["code"])

    channel = WebSocketChannel(
        app, {"type": "websocket", "path": "/"}, raise_server_exceptions=True
    )
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(channel.run_app)
        await channel.connect()
        with pytest.raises(WebSocketDisconnect) as info:
            await channel.receive_data()
        assert info.value.code == 4321
        await channel.shutdown()
    assert codes == [4321]


@pytest.mark.anyio
async def test_an_app_waiting_again_after_the_disconnect_settles_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("fastslim_testclient._websocket_channel.DISCONNECT_GRACE_SECONDS", 30)
    seen: list[object] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        try:
            seen.append((await receive())["type"])
            seen.append(await receive())
        finally:
            seen.append("cancelled")

    channel = WebSocketChannel(
        app, {"type": "websocket", "path": "/"}, raise_server_exceptions=True
    )
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(channel.run_app)
        await channel.connect()
        with anyio.fail_after(5):
            assert await channel.shutdown() is None
    assert seen == ["websocket.disconnect", "cancelled"]


@pytest.mark.anyio
async def test_a_denial_interrupted_by_another_message_is_a_protocol_error() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "websocket.http.response.start", "status": 403, "headers": []})
        await send({"type": "websocket.accept"})

    channel = WebSocketChannel(
        app, {"type": "websocket", "path": "/"}, raise_server_exceptions=True
    )
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(channel.run_app)
        with pytest.raises(ASGIProtocolError, match=r"sent \{'type': 'websocket.accept'\} within"):
            await channel.connect()
        await channel.shutdown()
