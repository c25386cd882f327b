"""WebSocket routes in routers: prefixes, router/include/app dependencies, url_path_for,
routes added after the inclusion, and scope["route"]."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query, WebSocket

log: list[str] = []


def note(name: str):  # type: ignore[no-untyped-def]
    def dep() -> None:
        log.append(name)

    return dep


app = FastAPI(dependencies=[Depends(note("app"))])
router = APIRouter(prefix="/chat", dependencies=[Depends(note("router"))])
inner = APIRouter(prefix="/inner")


@router.websocket("/rooms/{room}", name="room", dependencies=[Depends(note("route"))])
async def room(websocket: WebSocket, room: str, nick: Annotated[str, Query()] = "anon") -> None:
    await websocket.accept()
    route = websocket.scope["route"]
    await websocket.send_json(
        {
            "room": room,
            "nick": nick,
            "route_path": route.path,
            "route_name": route.name,
            "url_for": str(websocket.url_for("room", room="next")),
            "app_path_for": app.url_path_for("room", room="x"),
            "router_path_for": router.url_path_for("room", room="y"),
            "log": log,
        }
    )
    log.clear()
    await websocket.close()


@inner.websocket("/deep")
async def deep(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_json({"path": websocket.scope["route"].path, "log": log})
    log.clear()
    await websocket.close()


router.include_router(inner, dependencies=[Depends(note("inner-include"))])
app.include_router(router, prefix="/api", dependencies=[Depends(note("include"))])


@router.websocket("/late")
async def late(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text("late " + websocket.scope["route"].path)
    log.clear()
    await websocket.close()


async def added(websocket: WebSocket, who: str = "x") -> None:
    await websocket.accept()
    await websocket.send_text(f"added {who} {websocket.scope['route'].name}")
    log.clear()
    await websocket.close()


app.add_api_websocket_route("/added", added, name="added-route")

CASES = [
    ("room", "WS", "/api/chat/rooms/lobby?nick=bob", {"ws": [("receive_json",)]}),
    ("deep", "WS", "/api/chat/inner/deep", {"ws": [("receive_json",)]}),
    ("late", "WS", "/api/chat/late", {"ws": [("receive_text",)]}),
    ("added", "WS", "/added?who=me", {"ws": [("receive_text",)]}),
    ("unprefixed", "WS", "/chat/rooms/lobby"),
    ("unknown", "WS", "/nowhere"),
]
