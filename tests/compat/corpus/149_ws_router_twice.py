"""A router with WebSocket routes included twice (different prefixes and dependencies),
nested inclusions, and a root_path given by the server."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, WebSocket

app = FastAPI()
router = APIRouter(prefix="/rooms")
outer = APIRouter(prefix="/outer")


def version(x_version: Annotated[str | None, Header()] = None) -> str:
    return x_version or "none"


def tag(name: str):  # type: ignore[no-untyped-def]
    def dependency() -> str:
        return name

    return dependency


@router.websocket("/{room}", name="room")
async def room(websocket: WebSocket, room: str, v: Annotated[str, Depends(version)]) -> None:
    await websocket.accept()
    await websocket.send_json(
        {
            "room": room,
            "v": v,
            "route": websocket.scope["route"].path,
            "root_path": websocket.scope.get("root_path"),
            "url": str(websocket.url),
            "url_for": str(websocket.url_for("room", room="x")),
        }
    )
    await websocket.close()


outer.include_router(router, prefix="/n")
app.include_router(router, prefix="/v1", dependencies=[Depends(tag("v1"))])
app.include_router(router, prefix="/v2", dependencies=[Depends(version)])
app.include_router(outer)

CASES = [
    ("v1", "WS", "/v1/rooms/a", {"ws": [("receive_json",)]}),
    ("v2", "WS", "/v2/rooms/b", {"headers": {"x-version": "2"}, "ws": [("receive_json",)]}),
    ("nested", "WS", "/outer/n/rooms/c", {"ws": [("receive_json",)]}),
    ("bare", "WS", "/rooms/d"),
]
