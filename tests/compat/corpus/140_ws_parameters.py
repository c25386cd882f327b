"""WebSocket endpoints: path, query, header and cookie parameters; messages both ways."""

from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Query, WebSocket

app = FastAPI()


@app.websocket("/items/{item_id}")
async def items(
    websocket: WebSocket,
    item_id: int,
    q: Annotated[list[str] | None, Query()] = None,
    x_token: Annotated[str | None, Header()] = None,
    session: Annotated[str | None, Cookie()] = None,
) -> None:
    await websocket.accept()
    await websocket.send_json({"item_id": item_id, "q": q, "x_token": x_token, "session": session})
    while True:
        text = await websocket.receive_text()
        if text == "bye":
            await websocket.close(code=1000, reason="bye")
            return
        await websocket.send_text(f"{item_id}:{text}")


@app.websocket("/json")
async def json_echo(websocket: WebSocket) -> None:
    await websocket.accept()
    data = await websocket.receive_json()
    await websocket.send_json({"got": data, "url": str(websocket.url), "path": websocket.url.path})
    await websocket.send_bytes(b"raw")
    await websocket.close()


CASES = [
    (
        "params",
        "WS",
        "/items/3?q=a&q=b",
        {
            "headers": {"x-token": "tok"},
            "cookies": {"session": "s1"},
            "ws": [
                ("receive_json",),
                ("send_text", "hi"),
                ("receive_text",),
                ("send_text", "bye"),
                ("receive",),
            ],
        },
    ),
    ("defaults", "WS", "/items/4", {"ws": [("receive_json",)]}),
    (
        "json",
        "WS",
        "/json?x=1",
        {"ws": [("send_json", {"a": [1, 2]}), ("receive_json",), ("receive_bytes",), ("receive",)]},
    ),
    ("http-to-ws-route", "GET", "/json"),
]
