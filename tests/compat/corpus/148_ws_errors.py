"""WebSocket endpoints that fail: exceptions before and after accept (raised to the client
or not), yield dependencies that see them, an HTTPException after accept, returning
without closing, closing before accepting."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, WebSocket

app = FastAPI()
log: list[str] = []


def guard() -> Iterator[None]:
    try:
        yield
    except ValueError as exc:
        log.append(f"guard saw {exc}")
        raise
    finally:
        log.append("guard exit")


@app.websocket("/before")
async def before(websocket: WebSocket, g: Annotated[None, Depends(guard)]) -> None:
    raise ValueError("before accept")


@app.websocket("/after")
async def after(websocket: WebSocket, g: Annotated[None, Depends(guard)]) -> None:
    await websocket.accept()
    await websocket.send_text("accepted")
    raise ValueError("after accept")


@app.websocket("/http-after-accept")
async def http_after_accept(websocket: WebSocket) -> None:
    await websocket.accept()
    raise HTTPException(status_code=409, detail="conflict")


@app.websocket("/no-close")
async def no_close(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text("bye without closing")


@app.websocket("/close-first")
async def close_first(websocket: WebSocket) -> None:
    await websocket.close(code=4000, reason="go away")


@app.websocket("/never-accepted")
async def never_accepted(websocket: WebSocket) -> None:
    return None


@app.get("/log")
def read_log() -> list[str]:
    found = list(log)
    log.clear()
    return found


CASES = [
    ("before", "WS", "/before"),
    ("before-raises", "WS", "/before", {"raises": True}),
    ("before-log", "GET", "/log"),
    ("after", "WS", "/after", {"ws": [("receive_text",), ("receive",)]}),
    ("after-raises", "WS", "/after", {"raises": True, "ws": [("receive_text",)]}),
    ("after-log", "GET", "/log"),
    ("http-after-accept", "WS", "/http-after-accept", {"ws": [("receive",), ("receive",)]}),
    ("no-close", "WS", "/no-close", {"ws": [("receive_text",), ("receive",)]}),
    ("close-first", "WS", "/close-first"),
    ("never-accepted", "WS", "/never-accepted"),
]
