"""WebSocket parameters that do not validate: the socket closes with 1008 and the errors."""

from typing import Annotated

from fastapi import Body, Depends, FastAPI, Form, Header, Path, Query, UploadFile, WebSocket
from pydantic import BaseModel

app = FastAPI()


def paging(limit: Annotated[int, Query(le=100)] = 10, offset: int = 0) -> dict[str, int]:
    return {"limit": limit, "offset": offset}


@app.websocket("/rooms/{room_id}")
async def room(
    websocket: WebSocket,
    room_id: Annotated[int, Path(gt=0)],
    page: Annotated[dict[str, int], Depends(paging)],
    user_agent: Annotated[str, Header()],
    x_role: Annotated[str, Header(pattern="^(admin|user)$")] = "user",
) -> None:
    await websocket.accept()
    await websocket.send_json({"room": room_id, "page": page, "role": x_role})
    await websocket.close()


class Item(BaseModel):
    name: str


@app.websocket("/body")
async def body(websocket: WebSocket, item: Annotated[Item, Body()]) -> None:
    await websocket.accept()


@app.websocket("/form")
async def form(
    websocket: WebSocket, name: Annotated[str, Form()], upload: UploadFile | None = None
) -> None:
    await websocket.accept()


@app.websocket("/optional-form")
async def optional_form(websocket: WebSocket, name: Annotated[str | None, Form()] = None) -> None:
    await websocket.accept()
    await websocket.send_json({"name": name})
    await websocket.close()


@app.websocket("/late-check/{n}")
async def late_check(websocket: WebSocket, n: int) -> None:
    await websocket.accept()
    await websocket.send_text(str(n))
    await websocket.close()


CASES = [
    (
        "valid",
        "WS",
        "/rooms/1?limit=5",
        {"headers": {"x-role": "admin"}, "ws": [("receive_json",)]},
    ),
    ("path-invalid", "WS", "/rooms/0"),
    ("many-invalid", "WS", "/rooms/x?limit=500&offset=y", {"headers": {"x-role": "guest"}}),
    ("body-missing", "WS", "/body"),
    ("form-missing", "WS", "/form"),
    ("optional-form", "WS", "/optional-form", {"ws": [("receive_json",)]}),
    ("int-path", "WS", "/late-check/abc"),
    ("ok-path", "WS", "/late-check/7", {"ws": [("receive_text",)]}),
]
