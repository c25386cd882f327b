"""Build ASGI connection scopes from an `httpx.Request`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import httpx

from ._types import Scope

_DEFAULT_PORTS = {"http": 80, "ws": 80, "https": 443, "wss": 443}
WEBSOCKET_SCHEMES = frozenset({"ws", "wss"})


@dataclass
class ScopeSettings:
    """What a test client puts in every scope besides the request itself."""

    root_path: str = ""
    client: tuple[str, int] = ("testclient", 50000)
    app_state: dict[str, Any] = field(default_factory=dict)


def _common(request: httpx.Request, settings: ScopeSettings) -> Scope:
    url = request.url
    scheme = url.scheme
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(
            f"The test client cannot send a request to {str(url)!r}: "
            "the scheme must be http, https, ws or wss."
        )
    host = url.raw_host.decode("ascii")
    port = url.port if url.port is not None else _DEFAULT_PORTS[scheme]
    headers: list[tuple[bytes, bytes]] = []
    if "host" not in request.headers:
        headers.append((b"host", url.netloc))
    headers += [(key.lower(), value) for key, value in request.headers.raw]
    return {
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "scheme": scheme,
        "path": unquote(url.path),
        "raw_path": url.raw_path.split(b"?", 1)[0],
        "query_string": url.query,
        "root_path": settings.root_path,
        "headers": headers,
        "client": settings.client,
        "server": (host, port),
        "state": settings.app_state.copy(),
    }


def http_scope(request: httpx.Request, settings: ScopeSettings) -> Scope:
    """The scope of an HTTP request."""
    scope = _common(request, settings)
    scope["type"] = "http"
    scope["method"] = request.method
    scope["extensions"] = {"http.response.debug": {}, "http.response.trailers": {}}
    return scope


def websocket_scope(request: httpx.Request, settings: ScopeSettings) -> Scope:
    """The scope of a WebSocket handshake, with the denial-response extension."""
    scope = _common(request, settings)
    scope["type"] = "websocket"
    protocols = request.headers.get("sec-websocket-protocol")
    scope["subprotocols"] = (
        [value.strip() for value in protocols.split(",")] if protocols is not None else []
    )
    scope["extensions"] = {"websocket.http.response": {}}
    return scope


class WebSocketUpgrade(Exception):
    """Raised by a transport for a ws:// request: the client turns it into a session.

    `scope` is the connection's scope, `request` the handshake request (its
    read timeout bounds the wait for the app to accept).
    """

    def __init__(self, scope: Scope, request: httpx.Request) -> None:
        super().__init__(f"The request {request.method} {request.url} was a WebSocket handshake.")
        self.scope = scope
        self.request = request
