"""A FastAPI app mounted inside another: root_path, url_for both ways, its own exception
handlers, dependency overrides and WebSocket routes, and a nested mount."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, WebSocket
from fastapi.responses import JSONResponse

app = FastAPI()
sub = FastAPI()
deeper = FastAPI()


def who() -> str:
    return "sub-real"


@sub.exception_handler(HTTPException)
async def sub_http(request: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse({"sub_error": exc.detail}, status_code=exc.status_code)


@sub.get("/info/{n}", name="info")
def info(request: Request, n: int, user: Annotated[str, Depends(who)]) -> dict[str, object]:
    return {
        "n": n,
        "user": user,
        "path": request.url.path,
        "root_path": request.scope.get("root_path"),
        "self_url": str(request.url_for("sub:info", n=n + 1)),
        "self_path_for": sub.url_path_for("info", n=7),
    }


@sub.get("/fail")
def fail() -> None:
    raise HTTPException(418, "sub teapot")


@sub.websocket("/ws/{room}")
async def sub_ws(websocket: WebSocket, room: str) -> None:
    await websocket.accept()
    await websocket.send_json({"room": room, "root_path": websocket.scope.get("root_path")})
    await websocket.close()


@deeper.get("/leaf")
def leaf(request: Request) -> dict[str, object]:
    return {"root_path": request.scope.get("root_path"), "url": str(request.url)}


sub.mount("/deeper", deeper, name="deeper")


@app.get("/links")
def links(request: Request) -> dict[str, str]:
    return {
        "sub_info": str(request.url_for("sub", path="/info/1")),
        "named": app.url_path_for("sub:info", n=5),
        "deep": app.url_path_for("sub:deeper:leaf"),
    }


@app.get("/fail")
def main_fail() -> None:
    raise HTTPException(418, "main teapot")


app.mount("/sub", sub, name="sub")
app.dependency_overrides[who] = lambda: "main-override"

CASES = [
    ("info", "GET", "/sub/info/2", {"raises": True}),
    ("info-invalid", "GET", "/sub/info/x"),
    ("sub-fail", "GET", "/sub/fail"),
    ("main-fail", "GET", "/fail"),
    ("sub-404", "GET", "/sub/nothing"),
    ("leaf", "GET", "/sub/deeper/leaf"),
    ("links", "GET", "/links", {"raises": True}),
    ("sub-ws", "WS", "/sub/ws/lobby", {"ws": [("receive_json",)]}),
    ("sub-ws-missing", "WS", "/sub/nows"),
]
