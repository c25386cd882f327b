"""A fastslim app mounted inside another (`app.mount`): paths, root_path, url_for both ways,
its own handlers and overrides, WebSocket routes (both clients, both loops)."""

from collections.abc import Callable
from typing import Annotated, Any

from starlette.responses import JSONResponse
from starlette.websockets import WebSocket

from fastslim_routing import Depends, FastAPI, HTTPException, Request

Client = Callable[..., Any]


def make_apps() -> FastAPI:
    def user() -> str:
        return "sub-user"

    sub = FastAPI()

    @sub.exception_handler(HTTPException)
    async def sub_errors(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"sub": exc.detail}, status_code=exc.status_code)

    @sub.get("/items/{n}", name="item")
    def item(request: Request, n: int, who: Annotated[str, Depends(user)]) -> dict[str, Any]:
        if n < 0:
            raise HTTPException(400, "negative")
        return {
            "n": n,
            "who": who,
            "root_path": request.scope["root_path"],
            "url": str(request.url_for("sub:item", n=n + 1)),
        }

    @sub.websocket("/ws")
    async def ws(websocket: WebSocket, who: Annotated[str, Depends(user)]) -> None:
        await websocket.accept()
        await websocket.send_json([who, websocket.scope["root_path"]])
        await websocket.close()

    app = FastAPI()

    @app.get("/link")
    def link(request: Request) -> str:
        return str(request.url_for("sub:item", n=1))

    app.mount("/sub", sub, name="sub")
    app.dependency_overrides[user] = lambda: "main-override"  # not the sub-app's
    return app


def test_a_mounted_app(any_client_for: Client) -> None:
    app = make_apps()
    client = any_client_for(app)
    assert client.get("/sub/items/2").json() == {
        "n": 2,
        "who": "sub-user",
        "root_path": "/sub",
        "url": "http://testserver/sub/items/3",
    }
    negative = client.get("/sub/items/-1")
    assert (negative.status_code, negative.json()) == (400, {"sub": "negative"})
    assert client.get("/sub/items/x").status_code == 422
    assert client.get("/link").json() == "http://testserver/sub/items/1"
    assert app.url_path_for("sub:item", n=5) == "/sub/items/5"
    with client.websocket_connect("/sub/ws") as ws:
        assert ws.receive_json() == ["sub-user", "/sub"]


def test_a_mounted_app_behind_a_proxy_root_path(any_client_for: Client) -> None:
    client = any_client_for(make_apps(), root_path="/proxy")
    response = client.get("/proxy/link")
    assert response.json() == "http://testserver/proxy/sub/items/1"
