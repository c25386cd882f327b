"""Scopes built from `httpx.Request` objects."""

from __future__ import annotations

import httpx
import pytest

from fastslim_testclient._scope import ScopeSettings, WebSocketUpgrade, http_scope, websocket_scope


def test_an_http_scope_has_every_key_asgi_asks_for() -> None:
    request = httpx.Request("PATCH", "http://testserver:8000/a%2Fb/c?x=%20", headers={"X-A": "1"})
    scope = http_scope(request, ScopeSettings(root_path="/r", client=("c", 1), app_state={"k": 1}))
    assert scope["type"] == "http"
    assert scope["asgi"] == {"version": "3.0"}
    assert scope["http_version"] == "1.1"
    assert scope["method"] == "PATCH"
    assert scope["scheme"] == "http"
    assert scope["path"] == "/a/b/c"
    assert scope["raw_path"] == b"/a%2Fb/c"
    assert scope["query_string"] == b"x=%20"
    assert scope["root_path"] == "/r"
    assert scope["client"] == ("c", 1)
    assert scope["server"] == ("testserver", 8000)
    assert scope["headers"] == [
        (b"host", b"testserver:8000"),
        (b"content-length", b"0"),
        (b"x-a", b"1"),
    ]
    assert scope["extensions"] == {"http.response.debug": {}, "http.response.trailers": {}}
    assert scope["state"] == {"k": 1}


def test_a_host_header_is_added_when_the_request_has_none() -> None:
    request = httpx.Request("GET", "http://h:81/")
    del request.headers["host"]
    assert http_scope(request, ScopeSettings())["headers"] == [(b"host", b"h:81")]


def test_the_state_is_a_copy_per_scope() -> None:
    settings = ScopeSettings(app_state={"k": 1})
    scope = http_scope(httpx.Request("GET", "http://t/"), settings)
    scope["state"]["k"] = 2
    assert settings.app_state == {"k": 1}


@pytest.mark.parametrize(
    ("url", "server"),
    [
        ("http://h/", ("h", 80)),
        ("https://h/", ("h", 443)),
        ("ws://h/", ("h", 80)),
        ("wss://h/", ("h", 443)),
        ("https://h:1/", ("h", 1)),
    ],
)
def test_default_ports_follow_the_scheme(url: str, server: tuple[str, int]) -> None:
    scope = http_scope(httpx.Request("GET", url), ScopeSettings())
    assert scope["server"] == server


def test_a_websocket_scope_lists_the_subprotocols_and_the_denial_extension() -> None:
    request = httpx.Request(
        "GET", "wss://h/ws?a=1", headers={"Sec-WebSocket-Protocol": "one, two ,three"}
    )
    scope = websocket_scope(request, ScopeSettings())
    assert scope["type"] == "websocket"
    assert scope["scheme"] == "wss"
    assert scope["subprotocols"] == ["one", "two", "three"]
    assert scope["extensions"] == {"websocket.http.response": {}}
    assert "method" not in scope
    no_protocols = websocket_scope(httpx.Request("GET", "ws://h/"), ScopeSettings())
    assert no_protocols["subprotocols"] == []


def test_an_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match=r"'ftp://h/': the scheme must be http, https, ws or wss"):
        http_scope(httpx.Request("GET", "ftp://h/"), ScopeSettings())


def test_the_upgrade_exception_carries_the_scope_and_the_request() -> None:
    request = httpx.Request("GET", "ws://h/")
    scope = websocket_scope(request, ScopeSettings())
    upgrade = WebSocketUpgrade(scope, request)
    assert (upgrade.scope, upgrade.request) == (scope, request)
    assert str(upgrade) == "The request GET ws://h/ was a WebSocket handshake."
