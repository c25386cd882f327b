"""WebSocket handshake URLs and headers."""

from __future__ import annotations

import httpx
import pytest

from fastslim_testclient._urls import handshake_kwargs, websocket_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://h/ws", "ws://h/ws"),
        ("https://h/ws", "wss://h/ws"),
        ("ws://h/ws", "ws://h/ws"),
        ("wss://h:1/ws?q=1", "wss://h:1/ws?q=1"),
    ],
)
def test_http_schemes_become_websocket_schemes(url: str, expected: str) -> None:
    assert str(websocket_url(httpx.URL(url))) == expected


def test_other_schemes_are_refused() -> None:
    with pytest.raises(ValueError, match=r"Cannot open a WebSocket to 'ftp://h/'"):
        websocket_url(httpx.URL("ftp://h/"))


def test_handshake_headers_are_added_without_overriding_the_callers() -> None:
    kwargs = handshake_kwargs(["a", "b"], {"headers": {"Sec-WebSocket-Key": "mine"}, "params": {}})
    headers = kwargs["headers"]
    assert headers["connection"] == "upgrade"
    assert headers["sec-websocket-key"] == "mine"
    assert headers["sec-websocket-version"] == "13"
    assert headers["sec-websocket-protocol"] == "a, b"
    assert kwargs["params"] == {}
    assert "sec-websocket-protocol" not in handshake_kwargs(None, {})["headers"]
