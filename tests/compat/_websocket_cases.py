"""WebSocket cases of the oracle corpus: `(id, "WS", url, {"ws": [step, ...], ...})`.

A step is a tuple naming a session method and its arguments: `("send_text", "hi")`,
`("send_json", {...})`, `("send_bytes", b"..")`, `("receive_text",)`, `("receive_json",)`,
`("receive_bytes",)`, `("receive",)`, `("close", code)`. The other options are those of an
HTTP case (`headers`, `cookies`, `params`, `raises`).

`converse` returns what the case observed as an `httpx.Response`, so that the corpus
compares it like any other: a denied handshake is the denial response itself (status,
headers, body); otherwise a stand-in with status 101 whose body is the JSON transcript,
one entry per step (`[method, result]`), ending with `["closed", code, reason]` when the
server closes the connection (on connecting or at a step).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import httpx

from fastslim_testclient import TestClient, WebSocketDenialResponse, WebSocketDisconnect

WEBSOCKET = "WS"
STEPS = frozenset(
    {
        "send_text",
        "send_json",
        "send_bytes",
        "receive_text",
        "receive_json",
        "receive_bytes",
        "receive",
        "close",
    }
)


def _plain(value: Any) -> Any:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _steps(session: Any, steps: Sequence[Sequence[Any]], transcript: list[Any]) -> None:
    for step in steps:
        name, *args = step
        if name not in STEPS:
            raise ValueError(f"Unknown WebSocket step {name!r}; use one of {sorted(STEPS)}.")
        try:
            result = getattr(session, name)(*args)
        except WebSocketDisconnect as exc:
            transcript.append(["closed", exc.code, exc.reason])
            return
        transcript.append([name, _plain(result)])


def converse(client: TestClient, url: str, options: dict[str, Any]) -> httpx.Response:
    """Connect to `url`, run the case's steps, and give what was observed."""
    steps = options.pop("ws", ())
    options.pop("follow_redirects", None)
    transcript: list[Any] = []
    try:
        with client.websocket_connect(url, **options) as session:
            _steps(session, steps, transcript)
    except WebSocketDenialResponse as denial:
        return denial
    except WebSocketDisconnect as exc:
        transcript.append(["closed", exc.code, exc.reason])
    return httpx.Response(101, content=json.dumps(transcript, default=repr).encode())
