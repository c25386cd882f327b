"""`fastslim.websockets`, as `fastapi.websockets`: Starlette's WebSocket classes."""

from fastslim_routing.websockets import WebSocket as WebSocket
from fastslim_routing.websockets import WebSocketDisconnect as WebSocketDisconnect
from fastslim_routing.websockets import WebSocketState as WebSocketState

__all__ = ("WebSocket", "WebSocketDisconnect", "WebSocketState")
