"""WebSocket dependencies: function scope ends when the endpoint returns, request scope
when the connection handler ends; yield dependencies see exceptions of the endpoint."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()
log: list[str] = []


def function_dep() -> Iterator[str]:
    log.append("function enter")
    yield "f"
    log.append("function exit")


def request_dep() -> Iterator[str]:
    log.append("request enter")
    try:
        yield "r"
    except WebSocketDisconnect as exc:
        log.append(f"request saw disconnect {exc.code}")
        raise
    finally:
        log.append("request exit")


async def async_dep(r: Annotated[str, Depends(request_dep)]) -> str:
    return r + "+async"


@app.websocket("/scoped")
async def scoped(
    websocket: WebSocket,
    f: Annotated[str, Depends(function_dep, scope="function")],
    a: Annotated[str, Depends(async_dep)],
) -> None:
    await websocket.accept()
    await websocket.send_text(f + a)
    log.append("endpoint " + await websocket.receive_text())


@app.websocket("/until-disconnect")
async def until_disconnect(websocket: WebSocket, r: Annotated[str, Depends(request_dep)]) -> None:
    await websocket.accept()
    while True:
        await websocket.send_text(await websocket.receive_text())


@app.get("/log")
def read_log() -> list[str]:
    found = list(log)
    log.clear()
    return found


CASES = [
    ("scoped", "WS", "/scoped", {"ws": [("receive_text",), ("send_text", "done")]}),
    ("scoped-log", "GET", "/log"),
    (
        "disconnect",
        "WS",
        "/until-disconnect",
        {"ws": [("send_text", "a"), ("receive_text",), ("close", 1001)]},
    ),
    ("disconnect-log", "GET", "/log"),
]
