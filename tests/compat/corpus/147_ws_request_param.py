"""A `Request`-annotated parameter in a WebSocket route (endpoint or dependency): FastAPI
calls the function without it (TypeError, the socket closes with 1011); fastslim passes
the WebSocket (an HTTPConnection) - a deliberate difference."""

from typing import Annotated

from fastapi import Depends, FastAPI, Request, WebSocket

app = FastAPI()


def client_host(request: Request) -> str:
    return request.url.path


@app.websocket("/dep")
async def with_dep(websocket: WebSocket, path: Annotated[str, Depends(client_host)]) -> None:
    await websocket.accept()
    await websocket.send_text(path)
    await websocket.close()


CASES = [
    ("dep", "WS", "/dep", {"ws": [("receive_text",)]}),
    ("dep-raises", "WS", "/dep", {"raises": True}),
]
DELIBERATE = {
    "dep": {
        "reason": "A `Request` parameter in a WebSocket route receives the WebSocket (FastAPI "
        "leaves it out and the call fails with TypeError, closing the socket with 1011)",
        "body": b'[["receive_text", "/dep"]]',
        "headers": {"content-length": ["26"]},
    },
    "dep-raises": {
        "reason": "A `Request` parameter in a WebSocket route receives the WebSocket (FastAPI "
        "leaves it out and the call fails with TypeError)",
        "error": None,
        "status": 101,
        "body": b"[]",
        "headers": {"content-length": ["2"]},
    },
}
