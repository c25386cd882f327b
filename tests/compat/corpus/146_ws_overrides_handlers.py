"""WebSocket routes with dependency overrides, a custom validation-error handler and a
custom exception handler."""

from typing import Annotated

from fastapi import Depends, FastAPI, WebSocket
from fastapi.exceptions import WebSocketRequestValidationError

app = FastAPI()


class Banned(Exception):
    pass


def current_user() -> str:
    return "real"


def fake_user() -> str:
    return "fake"


@app.exception_handler(WebSocketRequestValidationError)
async def on_invalid(websocket: WebSocket, exc: WebSocketRequestValidationError) -> None:
    locs = ",".join(".".join(str(part) for part in error["loc"]) for error in exc.errors())
    await websocket.close(code=4422, reason=f"{exc.endpoint_path} {exc.endpoint_function} {locs}")


@app.exception_handler(Banned)
async def on_banned(websocket: WebSocket, exc: Banned) -> None:
    await websocket.close(code=4403, reason=f"banned {exc}")


@app.websocket("/me/{n}")
async def me(websocket: WebSocket, n: int, user: Annotated[str, Depends(current_user)]) -> None:
    await websocket.accept()
    await websocket.send_text(f"{user} {n}")
    await websocket.close()


@app.websocket("/banned")
async def banned(websocket: WebSocket) -> None:
    raise Banned("you")


@app.websocket("/banned-later")
async def banned_later(websocket: WebSocket) -> None:
    await websocket.accept()
    raise Banned("later")


app.dependency_overrides[current_user] = fake_user

CASES = [
    ("override", "WS", "/me/1", {"ws": [("receive_text",)]}),
    ("invalid", "WS", "/me/x?q=1"),
    ("banned", "WS", "/banned"),
    ("banned-later", "WS", "/banned-later", {"ws": [("receive",)]}),
]
