"""router.frontend under include_router: prefixes, router/include/app dependencies
(including their errors), the longest prefix first, and what comes before frontends
(routes, WebSocket routes, mounts, slash redirects)."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, WebSocket
from fastapi.requests import HTTPConnection

FILES = Path(__file__).parent / "_files"
log: list[str] = []


def app_dep(connection: HTTPConnection) -> None:
    log.append("app " + connection.url.path)


def auth(x_token: Annotated[str, Header()]) -> None:
    if x_token != "ok":
        raise HTTPException(401, "bad token", headers={"www-authenticate": "Token"})


app = FastAPI(dependencies=[Depends(app_dep)])
router = APIRouter(prefix="/admin", dependencies=[Depends(lambda: log.append("router"))])
router.frontend("/ui", directory=FILES / "spa_index_only")


@router.get("/ui/status")
def status() -> str:
    return "api inside the frontend's prefix"


app.include_router(router, prefix="/v1", dependencies=[Depends(auth)])
app.frontend("/", directory=FILES / "spa")
app.frontend("/v1/admin/ui/deep", directory=FILES / "spa_bare")

sub = FastAPI()


@sub.get("/hello")
def hello() -> str:
    return "sub"


app.mount("/mounted", sub)


@app.websocket("/ws")
async def ws(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text("ws")
    await websocket.close()


@app.get("/items")
def items() -> list[int]:
    return [1]


@app.get("/log")
def read_log() -> list[str]:
    found = list(log)
    log.clear()
    return found


OK = {"x-token": "ok", "accept": "text/html"}
CASES = [
    ("ui-root", "GET", "/v1/admin/ui/", {"headers": OK}),
    ("ui-route", "GET", "/v1/admin/ui/users/7", {"headers": OK}),
    ("ui-bad-token", "GET", "/v1/admin/ui/users/7", {"headers": {"x-token": "no"}}),
    ("ui-no-token", "GET", "/v1/admin/ui/", {"headers": {"accept": "text/html"}}),
    ("ui-api", "GET", "/v1/admin/ui/status", {"headers": OK}),
    ("ui-deep", "GET", "/v1/admin/ui/deep/file.txt"),
    ("ui-deep-missing", "GET", "/v1/admin/ui/deep/x", {"headers": OK}),
    ("log-1", "GET", "/log"),
    ("unprefixed", "GET", "/admin/ui/", {"headers": OK}),
    ("mounted", "GET", "/mounted/hello"),
    ("mounted-missing", "GET", "/mounted/nope", {"headers": OK}),
    ("ws-as-http", "GET", "/ws", {"headers": OK}),
    ("ws", "WS", "/ws", {"ws": [("receive_text",)]}),
    ("items-slash", "GET", "/items/", {"headers": OK}),
    ("items-post", "POST", "/items", {"headers": OK}),
    ("log-2", "GET", "/log"),
]
