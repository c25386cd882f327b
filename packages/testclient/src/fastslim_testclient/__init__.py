"""fastslim-testclient: test clients for any ASGI app, on httpx and anyio only.

`TestClient` (a sync `httpx.Client`, compatible with FastAPI's and Starlette's)
runs the app in a portal thread; `AsyncTestClient` (an `httpx.AsyncClient`) runs
it on the test's own event loop, on asyncio or trio. Both run the lifespan,
speak WebSocket, stream responses incrementally, and can return before the
app's background work is done (`wait_for_background=False`).
"""

from .__about__ import __version__ as __version__
from ._async_client import AsyncTestClient as AsyncTestClient
from ._async_websocket import AsyncWebSocketTestSession as AsyncWebSocketTestSession
from ._client import TestClient as TestClient
from ._errors import AppTimeout as AppTimeout
from ._errors import ASGIProtocolError as ASGIProtocolError
from ._errors import ClientUsageError as ClientUsageError
from ._errors import LifespanFailed as LifespanFailed
from ._errors import WebSocketDenialResponse as WebSocketDenialResponse
from ._errors import WebSocketDisconnect as WebSocketDisconnect
from ._websocket import WebSocketTestSession as WebSocketTestSession

__all__ = (
    "ASGIProtocolError",
    "AppTimeout",
    "AsyncTestClient",
    "AsyncWebSocketTestSession",
    "ClientUsageError",
    "LifespanFailed",
    "TestClient",
    "WebSocketDenialResponse",
    "WebSocketDisconnect",
    "WebSocketTestSession",
    "__version__",
)
