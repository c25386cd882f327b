"""The URL and headers of a WebSocket handshake request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

_WS_SCHEMES = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}


def websocket_url(url: httpx.URL) -> httpx.URL:
    """`url` (already merged with the client's base URL) with http(s) turned into ws(s)."""
    scheme = _WS_SCHEMES.get(url.scheme)
    if scheme is None:
        raise ValueError(
            f"Cannot open a WebSocket to {str(url)!r}: the scheme must be ws, wss, http or https."
        )
    return url.copy_with(scheme=scheme)


def handshake_kwargs(subprotocols: Sequence[str] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The request keyword arguments of a handshake, with its upgrade headers."""
    headers = httpx.Headers(kwargs.get("headers"))
    headers.setdefault("connection", "upgrade")
    headers.setdefault("sec-websocket-key", "testserver==")
    headers.setdefault("sec-websocket-version", "13")
    if subprotocols is not None:
        headers.setdefault("sec-websocket-protocol", ", ".join(subprotocols))
    return {**kwargs, "headers": headers}
