"""`fastslim.testclient`, as `fastapi.testclient`: needs the `testclient` extra.

The clients are fastslim-testclient's, with WebSocket exceptions that are also
Starlette's `WebSocketDisconnect` (which `fastslim.WebSocketDisconnect` is), so
`pytest.raises(fastslim.WebSocketDisconnect)` catches a close or a denied
handshake whichever client (this one or Starlette's) a test uses; a denied
handshake is also Starlette's `starlette.testclient.WebSocketDenialResponse` (what
FastAPI's own tests catch).
"""

import warnings

from starlette.websockets import WebSocketDisconnect as _StarletteWebSocketDisconnect

try:
    import fastslim_testclient
except ModuleNotFoundError as exc:
    if exc.name not in {"fastslim_testclient", "httpx"}:
        raise
    raise ModuleNotFoundError(
        f"fastslim.testclient needs the fastslim-testclient package, which is missing "
        f"({exc.name} cannot be imported): install fastslim with its testclient extra, "
        "pip install './packages/meta[testclient]'",
        name=exc.name,
    ) from exc

# After the check above: without httpx, starlette.testclient raises a RuntimeError.
with warnings.catch_warnings():
    # starlette.testclient warns when imported with httpx (its client is deprecated);
    # only its exception class is used here.
    warnings.simplefilter("ignore")
    from starlette.testclient import WebSocketDenialResponse as _StarletteDenial


class WebSocketDisconnect(fastslim_testclient.WebSocketDisconnect, _StarletteWebSocketDisconnect):
    """The server closed the WebSocket: `code` (int) and `reason` (the close reason,
    `""` when none; FastAPI's validation errors close with the error list)."""


class WebSocketDenialResponse(  # type: ignore[misc]
    fastslim_testclient.WebSocketDenialResponse, WebSocketDisconnect, _StarletteDenial
):
    """The app denied the handshake with an HTTP response (the exception is the
    `httpx.Response`: `.status_code`, `.headers`, `.json()`); its close code is 1006."""


class TestClient(fastslim_testclient.TestClient):
    """fastslim-testclient's `TestClient` raising `WebSocketDisconnect` and
    `WebSocketDenialResponse` of this module (see `fastslim_testclient.TestClient`)."""

    __test__ = False
    websocket_disconnect_class = WebSocketDisconnect
    websocket_denial_class = WebSocketDenialResponse


class AsyncTestClient(fastslim_testclient.AsyncTestClient):
    """fastslim-testclient's `AsyncTestClient` raising `WebSocketDisconnect` and
    `WebSocketDenialResponse` of this module (see `fastslim_testclient.AsyncTestClient`)."""

    __test__ = False
    websocket_disconnect_class = WebSocketDisconnect
    websocket_denial_class = WebSocketDenialResponse


__all__ = ("AsyncTestClient", "TestClient", "WebSocketDenialResponse", "WebSocketDisconnect")
