"""The request lifecycle of `_handler`: validation, solving, endpoint, response, cleanup."""

from collections.abc import Callable, Iterator
from typing import Annotated, Any

import pytest
from pydantic import BaseModel

from fastslim_routing import (
    BackgroundTasks,
    Body,
    Depends,
    FastAPI,
    Header,
    HTTPException,
    Query,
    Response,
)
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Item(BaseModel):
    name: str
    price: float = 1.0


def test_path_query_and_list_parameters(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/items/{item_id}")
    async def read(item_id: int, q: str | None = None, tags: list[int] = Query([])) -> Any:
        return {"item_id": item_id, "q": q, "tags": tags}

    client = client_for(app)
    response = client.get("/items/3?q=a&tags=1&tags=2")
    assert response.status_code == 200
    assert response.json() == {"item_id": 3, "q": "a", "tags": [1, 2]}
    response = client.get("/items/x?tags=a")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "int_parsing",
            "loc": ["path", "item_id"],
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "x",
        },
        {
            "type": "int_parsing",
            "loc": ["query", "tags", 0],
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "a",
        },
    ]


def test_errors_of_dependencies_come_first_then_by_location(client_for: Client) -> None:
    app = FastAPI()

    def dep(d: int) -> int:
        return d

    @app.get("/o/{p}")
    def endpoint(
        z: int, p: int, dd: Annotated[int, Depends(dep)], h: Annotated[int, Header()]
    ) -> int:
        return 1

    locs = [e["loc"] for e in client_for(app).get("/o/x?z=a&d=b").json()["detail"]]
    assert locs == [["query", "d"], ["path", "p"], ["query", "z"], ["header", "h"]]


def test_body_single_embedded_and_response_model(client_for: Client) -> None:
    app = FastAPI()

    class Out(BaseModel):
        name: str

    @app.post("/items", response_model=Out, status_code=201)
    async def create(item: Item) -> Any:
        return item

    @app.post("/two")
    async def two(item: Item, n: Annotated[int, Body()]) -> Any:
        return {"item": item, "n": n}

    client = client_for(app)
    created = client.post("/items", json={"name": "n", "price": 2})
    assert (created.status_code, created.content) == (201, b'{"name":"n"}')
    assert client.post("/two", json={"item": {"name": "a"}, "n": "3"}).json() == {
        "item": {"name": "a", "price": 1.0},
        "n": 3,
    }
    missing = client.post("/two", json=[1]).json()["detail"]
    assert [e["loc"] for e in missing] == [["body", "item"], ["body", "n"]]
    assert all(e["input"] is None for e in missing)
    bad_json = client.post("/items", content=b"{bad", headers={"content-type": "application/json"})
    assert bad_json.json()["detail"] == [
        {
            "type": "json_invalid",
            "loc": ["body", 1],
            "msg": "JSON decode error",
            "input": {},
            "ctx": {"error": "Expecting property name enclosed in double quotes"},
        }
    ]
    no_type = client.post("/items", content=b'{"name":"a"}')
    assert no_type.json()["detail"][0]["type"] == "model_attributes_type"
    undecodable = client.post(
        "/items", content=b'{"name":"\xe9"}', headers={"content-type": "application/json"}
    )
    assert undecodable.status_code == 400
    assert undecodable.json() == {"detail": "There was an error parsing the body"}


def test_lifecycle_order(client_for: Client) -> None:
    events: list[str] = []
    app = FastAPI()

    def function_scoped() -> Iterator[None]:
        events.append("function enter")
        yield
        events.append("function exit")

    def request_scoped() -> Iterator[None]:
        events.append("request enter")
        yield
        events.append("request exit")

    @app.get("/")
    def endpoint(
        _f: Annotated[None, Depends(function_scoped, scope="function")],
        _r: Annotated[None, Depends(request_scoped)],
        tasks: BackgroundTasks,
        response: Response,
    ) -> str:
        events.append("endpoint")
        tasks.add_task(events.append, "background")
        response.headers["x-extra"] = "1"
        response.status_code = 202
        return "ok"

    response = client_for(app).get("/")
    assert (response.status_code, response.headers["x-extra"]) == (202, "1")
    assert events == [
        "function enter",
        "request enter",
        "endpoint",
        "function exit",
        "background",
        "request exit",
    ]


def test_http_exception_is_thrown_into_yield_dependencies(client_for: Client) -> None:
    seen: list[Any] = []
    app = FastAPI()

    def watcher() -> Iterator[None]:
        try:
            yield
        except HTTPException as exc:
            seen.append(exc.status_code)
            raise

    @app.get("/", dependencies=[Depends(watcher)])
    def endpoint() -> None:
        raise HTTPException(418, detail="teapot", headers={"x-t": "1"})

    response = client_for(app).get("/")
    assert (response.status_code, response.json(), response.headers["x-t"]) == (
        418,
        {"detail": "teapot"},
        "1",
    )
    assert seen == [418]


def test_response_validation_error_is_a_500(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/")
    def endpoint() -> Item:
        return {"price": "x"}  # type: ignore[return-value]

    response = client_for(app, raise_server_exceptions=False).get("/")
    assert (response.status_code, response.text) == (500, "Internal Server Error")


def test_malformed_json_fails_before_any_dependency_runs(client_for: Client) -> None:
    ran: list[str] = []
    app = FastAPI()

    def dependency() -> Iterator[None]:
        ran.append("dependency")
        yield

    @app.post("/items", dependencies=[Depends(dependency)])
    def create(item: Item, q: int) -> None: ...

    client = client_for(app)
    response = client.post(
        "/items?q=x", content=b'{"name":', headers={"content-type": "application/json"}
    )
    assert [error["type"] for error in response.json()["detail"]] == ["json_invalid"]
    assert ran == []
    # Valid JSON that fails validation: dependencies with valid inputs run (as FastAPI).
    client.post("/items?q=1", json={"price": 1})
    assert ran == ["dependency"]


async def _disconnecting_post(app: Any, body: bytes, content_type: bytes) -> list[Any]:
    sent: list[Any] = []
    messages = [
        {"type": "http.request", "body": body, "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> Any:
        return messages.pop(0)

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "path": "/items",
        "raw_path": b"/items",
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "server": ("test", 80),
        "client": ("client", 1),
        "headers": [(b"content-type", content_type)],
    }
    await app(scope, receive, send)
    return sent


@pytest.mark.anyio
async def test_a_client_gone_mid_body_is_a_400_not_an_error() -> None:
    app = FastAPI()

    @app.post("/items")
    def create(item: Item) -> None: ...

    sent = await _disconnecting_post(app, b'{"name": "x', b"application/json")
    assert sent[0]["status"] == 400
    assert sent[1]["body"] == b'{"detail":"There was an error parsing the body"}'


@pytest.mark.anyio
async def test_a_streamed_body_is_closed_when_the_client_goes_away() -> None:
    from collections.abc import AsyncIterator

    from starlette.responses import StreamingResponse

    events: list[str] = []
    app = FastAPI()

    def session() -> Iterator[None]:
        try:
            yield
        finally:
            events.append("session closed")

    async def chunks() -> AsyncIterator[bytes]:
        try:
            for n in range(100):
                yield str(n).encode()
        finally:
            events.append("generator closed")

    @app.get("/stream", dependencies=[Depends(session)])
    def stream() -> StreamingResponse:
        return StreamingResponse(chunks())

    sent: list[Any] = []

    async def receive() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        if len(sent) == 3:
            raise OSError("client gone")
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "path": "/stream",
        "raw_path": b"/stream",
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "server": ("test", 80),
        "client": ("client", 1),
        "headers": [],
    }
    with pytest.raises(BaseException):  # noqa: B017, PT011 (the server's own error)
        await app(scope, receive, send)
    # Closed at once (not by the garbage collector), before the dependencies' cleanup.
    assert events == ["generator closed", "session closed"]


def test_a_sync_endpoint_may_name_a_parameter_endpoint() -> None:
    """The thread hop takes the endpoint positionally: a query parameter `endpoint` (or
    `self`...) reaches the function."""
    app = FastAPI()

    @app.get("/sync")
    def read(endpoint: str, self: int = 1) -> dict[str, object]:
        return {"endpoint": endpoint, "self": self}

    with TestClient(app) as client:
        response = client.get("/sync", params={"endpoint": "e", "self": "2"})
    assert response.json() == {"endpoint": "e", "self": 2}


def test_starlette_background_tasks_are_injected_and_run() -> None:
    """An endpoint annotated with Starlette's own `BackgroundTasks` gets the request's
    tasks, run after the response (as FastAPI, whose class subclasses Starlette's)."""
    from starlette.background import BackgroundTasks as StarletteBackgroundTasks

    ran: list[int] = []
    app = FastAPI()

    @app.get("/")
    def endpoint(tasks: StarletteBackgroundTasks) -> str:
        tasks.add_task(ran.append, 1)
        return "ok"

    with TestClient(app) as client:
        assert client.get("/").json() == "ok"
    assert ran == [1]
