"""WebSocket endpoints (`_websocket`): parameters, dependencies, scopes, errors, routers.

Every test runs with both test clients (the fixture `any_client_for`) on asyncio and trio.
"""

from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar

import pytest
from pydantic import BaseModel
from starlette.requests import HTTPConnection
from starlette.websockets import WebSocket

from fastslim_routing import (
    APIRouter,
    Body,
    Cookie,
    Depends,
    FastAPI,
    Form,
    Header,
    HTTPException,
    Query,
    UploadFile,
    WebSocketException,
)
from fastslim_routing.exceptions import WebSocketRequestValidationError
from fastslim_routing.routing import APIWebSocketRoute, WebSocketRoute
from fastslim_testclient import WebSocketDenialResponse, WebSocketDisconnect

Client = Callable[..., Any]
E = TypeVar("E", bound=Exception)


def refused(client: Any, url: str, kind: type[E], **options: Any) -> pytest.ExceptionInfo[E]:
    """Connecting to `url` raises `kind` (a close, or a denial) before the session opens."""
    with pytest.raises(kind) as info, client.websocket_connect(url, **options):
        pass
    return info


def test_parameters_and_dependencies_and_scope_order(any_client_for: Client) -> None:
    log: list[str] = []
    app = FastAPI()

    def function_dep() -> Iterator[str]:
        log.append("function in")
        yield "f"
        log.append("function out")

    def request_dep() -> Iterator[str]:
        log.append("request in")
        yield "r"
        log.append("request out")

    @app.websocket("/ws/{item_id}")
    async def endpoint(
        websocket: WebSocket,
        item_id: int,
        q: Annotated[list[int], Query()],
        x_token: Annotated[str, Header()],
        f: Annotated[str, Depends(function_dep, scope="function")],
        r: Annotated[str, Depends(request_dep)],
        session: Annotated[str | None, Cookie()] = None,
    ) -> None:
        await websocket.accept()
        await websocket.send_json(
            {"id": item_id, "q": q, "x": x_token, "s": session, "deps": f + r}
        )
        log.append(await websocket.receive_text())

    client = any_client_for(app)
    with client.websocket_connect(
        "/ws/3?q=1&q=2", headers={"x-token": "t", "cookie": "session=abc"}
    ) as ws:
        assert ws.receive_json() == {"id": 3, "q": [1, 2], "x": "t", "s": "abc", "deps": "fr"}
        ws.send_text("bye")
    assert log == ["function in", "request in", "bye", "function out", "request out"]


def test_invalid_parameters_close_with_1008_and_the_errors(any_client_for: Client) -> None:
    app = FastAPI()
    called = []

    def dep(limit: int) -> int:
        return limit

    @app.websocket("/ws/{item_id}")
    async def endpoint(
        websocket: WebSocket,
        item_id: int,
        x_token: Annotated[str, Header()],
        limit: Annotated[int, Depends(dep)],
    ) -> None:
        called.append(item_id)
        await websocket.accept()

    client = any_client_for(app)
    info = refused(client, "/ws/x?limit=y", WebSocketDisconnect)
    reason: Any = info.value.reason  # FastAPI closes with the error list itself
    assert info.value.code == 1008
    assert reason == [
        {
            "type": "int_parsing",
            "loc": ["query", "limit"],
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "y",
        },
        {
            "type": "int_parsing",
            "loc": ["path", "item_id"],
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "x",
        },
        {"type": "missing", "loc": ["header", "x-token"], "msg": "Field required", "input": None},
    ]
    assert called == []


def test_a_body_parameter_is_missing_on_a_websocket(any_client_for: Client) -> None:
    app = FastAPI()

    class Item(BaseModel):
        name: str

    @app.websocket("/ws")
    async def endpoint(websocket: WebSocket, item: Annotated[Item, Body()]) -> None:
        await websocket.accept()

    info = refused(any_client_for(app), "/ws", WebSocketDisconnect)
    reason: Any = info.value.reason
    assert (info.value.code, reason) == (
        1008,
        [{"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}],
    )


def test_validation_error_names_the_websocket_endpoint(any_client_for: Client) -> None:
    app = FastAPI()
    seen: list[WebSocketRequestValidationError] = []

    async def handler(websocket: WebSocket, exc: Exception) -> None:
        assert isinstance(exc, WebSocketRequestValidationError)
        seen.append(exc)
        await websocket.close(code=4000, reason="custom")

    app.add_exception_handler(WebSocketRequestValidationError, handler)

    @app.websocket("/v/{n}")
    async def check(websocket: WebSocket, n: int) -> None:
        await websocket.accept()

    info = refused(any_client_for(app), "/v/x", WebSocketDisconnect)
    assert (info.value.code, info.value.reason) == (4000, "custom")
    (exc,) = seen
    assert exc.endpoint_path == "WS /v/{n}"
    assert exc.endpoint_function == "check"
    assert str(exc).endswith("in check\n    WS /v/{n}")


def test_http_exception_before_accept_is_a_denial_response(any_client_for: Client) -> None:
    app = FastAPI()

    def deny() -> None:
        raise HTTPException(403, detail="nope", headers={"x-reason": "policy"})

    @app.websocket("/deny", dependencies=[Depends(deny)])
    async def endpoint(websocket: WebSocket) -> None:
        await websocket.accept()

    info = refused(any_client_for(app), "/deny", WebSocketDenialResponse)
    denial = info.value
    assert denial.status_code == 403
    assert denial.json() == {"detail": "nope"}
    assert denial.headers["x-reason"] == "policy"
    assert denial.headers["content-type"] == "application/json"


def test_a_security_dependency_on_the_connection_denies_with_401(any_client_for: Client) -> None:
    app = FastAPI()

    def token(connection: HTTPConnection) -> str:
        header = connection.headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() != "bearer" or not credentials:
            raise HTTPException(
                401, detail="Not authenticated", headers={"WWW-Authenticate": "Bearer"}
            )
        return credentials

    @app.websocket("/secure")
    async def endpoint(websocket: WebSocket, user: Annotated[str, Depends(token)]) -> None:
        await websocket.accept()
        await websocket.send_text(user)
        await websocket.close()

    client = any_client_for(app)
    info = refused(client, "/secure", WebSocketDenialResponse)
    assert info.value.status_code == 401
    assert info.value.json() == {"detail": "Not authenticated"}
    assert info.value.headers["www-authenticate"] == "Bearer"
    with client.websocket_connect("/secure", headers={"authorization": "Bearer abc"}) as ws:
        assert ws.receive_text() == "abc"


def test_websocket_exception_closes_with_its_code(any_client_for: Client) -> None:
    app = FastAPI()

    def dep(websocket: WebSocket) -> None:
        raise WebSocketException(code=1008, reason="not allowed")

    @app.websocket("/ws")
    async def endpoint(websocket: WebSocket, d: Annotated[None, Depends(dep)]) -> None:
        await websocket.accept()

    info = refused(any_client_for(app), "/ws", WebSocketDisconnect)
    assert (info.value.code, info.value.reason) == (1008, "not allowed")


def test_request_scope_ends_after_a_client_disconnect(any_client_for: Client) -> None:
    log: list[str] = []
    app = FastAPI()

    def resource() -> Iterator[str]:
        log.append("open")
        try:
            yield "res"
        finally:
            log.append("closed")

    @app.websocket("/echo")
    async def echo(websocket: WebSocket, res: Annotated[str, Depends(resource)]) -> None:
        await websocket.accept()
        try:
            while True:
                await websocket.send_text(res + ":" + await websocket.receive_text())
        except Exception as exc:
            log.append(type(exc).__name__)

    with any_client_for(app).websocket_connect("/echo") as ws:
        ws.send_text("a")
        assert ws.receive_text() == "res:a"
        ws.send_text("b")
        assert ws.receive_text() == "res:b"
    assert log == ["open", "WebSocketDisconnect", "closed"]


def test_routers_prefixes_dependencies_and_url_path_for(any_client_for: Client) -> None:
    log: list[str] = []
    app = FastAPI(dependencies=[Depends(lambda: log.append("app"))])
    router = APIRouter(prefix="/r", dependencies=[Depends(lambda: log.append("router"))])

    route_dep = Depends(lambda: log.append("route"))

    @router.websocket("/items/{n}", name="item-ws", dependencies=[route_dep])
    async def item(websocket: WebSocket, n: int) -> None:
        await websocket.accept()
        route = websocket.scope["route"]
        await websocket.send_json(
            {
                "n": n,
                "route_path": route.path,
                "url_for": str(websocket.url_for("item-ws", n=n + 1)),
            }
        )
        await websocket.close()

    app.include_router(router, prefix="/api", dependencies=[Depends(lambda: log.append("incl"))])

    @router.websocket("/late")
    async def late(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("late")
        await websocket.close()

    client = any_client_for(app)
    with client.websocket_connect("/api/r/items/4") as ws:
        assert ws.receive_json() == {
            "n": 4,
            "route_path": "/api/r/items/{n}",
            "url_for": "ws://testserver/api/r/items/5",
        }
    assert log == ["app", "incl", "router", "route"]
    with client.websocket_connect("/api/r/late") as ws:
        assert ws.receive_text() == "late"
    assert app.url_path_for("item-ws", n=1) == "/api/r/items/1"
    assert router.url_path_for("item-ws", n=2) == "/r/items/2"
    assert app.url_path_for("item-ws", n=1).protocol == "websocket"
    info = refused(client, "/r/items/4", WebSocketDisconnect)
    assert info.value.code == 1000


def test_dependency_overrides_apply(any_client_for: Client) -> None:
    app = FastAPI()

    def user() -> str:
        return "real"

    @app.websocket("/me")
    async def me(websocket: WebSocket, name: Annotated[str, Depends(user)]) -> None:
        await websocket.accept()
        await websocket.send_text(name)
        await websocket.close()

    app.dependency_overrides[user] = lambda: "override"
    with any_client_for(app).websocket_connect("/me") as ws:
        assert ws.receive_text() == "override"


def test_add_api_websocket_route_route_objects_and_plain_routes(any_client_for: Client) -> None:
    async def named(websocket: WebSocket, who: str = "x") -> None:
        await websocket.accept()
        await websocket.send_text(f"{websocket.scope['route'].name}:{who}")
        await websocket.close()

    async def plain(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("plain")
        await websocket.close()

    app = FastAPI(routes=[APIWebSocketRoute("/direct", named, name="direct")])
    app.add_api_websocket_route("/added", named, name="added")
    router = APIRouter(prefix="/r")
    router.websocket_route("/plain", name="plain")(plain)
    app.include_router(router, prefix="/api")
    app.websocket_route("/top")(plain)
    assert [type(route) for route in router.routes] == [WebSocketRoute]
    client = any_client_for(app)
    for url, text in [
        ("/direct?who=a", "direct:a"),
        ("/added", "added:x"),
        ("/api/plain", "plain"),
        ("/top", "plain"),
    ]:
        with client.websocket_connect(url) as ws:
            assert ws.receive_text() == text
    assert repr(app.router.routes[0]) == "APIWebSocketRoute(path='/direct', name='direct')"


def test_a_websocket_route_does_not_answer_http(any_client_for: Client) -> None:
    app = FastAPI()

    @app.websocket("/ws")
    async def endpoint(websocket: WebSocket) -> None:
        await websocket.accept()

    assert any_client_for(app).get("/ws").status_code == 404


def test_form_and_file_parameters_are_missing_on_a_websocket(any_client_for: Client) -> None:
    app = FastAPI()

    @app.websocket("/form")
    async def form(websocket: WebSocket, name: Annotated[str, Form()]) -> None:
        await websocket.accept()

    @app.websocket("/optional")
    async def optional(
        websocket: WebSocket,
        name: Annotated[str | None, Form()] = None,
        upload: UploadFile | None = None,
    ) -> None:
        await websocket.accept()
        await websocket.send_json([name, upload])
        await websocket.close()

    client = any_client_for(app)
    info = refused(client, "/form", WebSocketDisconnect)
    reason: Any = info.value.reason
    assert (info.value.code, reason) == (
        1008,
        [{"type": "missing", "loc": ["body", "name"], "msg": "Field required", "input": None}],
    )
    with client.websocket_connect("/optional") as ws:
        assert ws.receive_json() == [None, None]
