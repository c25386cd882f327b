"""HTTPException before the WebSocket is accepted: an HTTP denial response (status, JSON
detail, headers); WebSocketException closes with its code and reason."""

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, WebSocket, WebSocketException, status

app = FastAPI()


def token(authorization: Annotated[str | None, Header()] = None) -> str:
    if authorization != "Bearer good":
        raise HTTPException(
            status_code=401, detail="Not authenticated", headers={"WWW-Authenticate": "Bearer"}
        )
    return "good"


@app.websocket("/secure")
async def secure(websocket: WebSocket, user: Annotated[str, Depends(token)]) -> None:
    await websocket.accept()
    await websocket.send_text(f"hello {user}")
    await websocket.close()


@app.websocket("/forbidden/{n}")
async def forbidden(websocket: WebSocket, n: int) -> None:
    if n > 1:
        raise HTTPException(status_code=403, detail={"n": n, "why": "too big"})
    await websocket.accept()
    await websocket.close()


def policy() -> None:
    raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="policy")


@app.websocket("/policy", dependencies=[Depends(policy)])
async def policy_route(websocket: WebSocket) -> None:
    await websocket.accept()


@app.websocket("/after-accept")
async def after_accept(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text("accepted")
    raise WebSocketException(code=4003, reason="later")


@app.websocket("/teapot")
async def teapot(websocket: WebSocket) -> None:
    raise HTTPException(status_code=418)


CASES = [
    ("no-token", "WS", "/secure"),
    ("bad-token", "WS", "/secure", {"headers": {"authorization": "Bearer bad"}}),
    (
        "good-token",
        "WS",
        "/secure",
        {"headers": {"authorization": "Bearer good"}, "ws": [("receive_text",), ("receive",)]},
    ),
    ("forbidden", "WS", "/forbidden/2"),
    ("allowed", "WS", "/forbidden/1", {"ws": [("receive",)]}),
    ("policy", "WS", "/policy"),
    ("after-accept", "WS", "/after-accept", {"ws": [("receive_text",), ("receive",)]}),
    ("teapot", "WS", "/teapot"),
]
