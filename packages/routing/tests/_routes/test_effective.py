"""`_effective`: inclusions merged on top of routes without copying them."""

from collections.abc import Callable
from typing import Annotated, Any

import pytest
from pydantic import BaseModel
from starlette.requests import Request

from fastslim_routing import APIRouter, Depends, FastAPI
from fastslim_routing.routing import iter_route_contexts
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Item(BaseModel):
    name: str


def test_strict_content_type_precedence(client_for: Client) -> None:
    app = FastAPI(strict_content_type=True)
    lax_outer = APIRouter(strict_content_type=False)
    unset_inner = APIRouter()
    strict_inner = APIRouter(strict_content_type=True)

    @unset_inner.post("/inherits")
    def inherits(item: Item) -> str:
        return item.name

    @strict_inner.post("/own")
    def own(item: Item) -> str:
        return item.name

    lax_outer.include_router(unset_inner)
    lax_outer.include_router(strict_inner)
    lax_outer.add_api_route("/route", own, methods=["POST"], strict_content_type=True)
    app.include_router(lax_outer)

    @app.post("/app")
    def at_app(item: Item) -> str:
        return item.name

    client = client_for(app)
    body = b'{"name":"a"}'  # no Content-Type header
    assert client.post("/inherits", content=body).status_code == 200
    assert client.post("/own", content=body).status_code == 422
    assert client.post("/route", content=body).status_code == 422
    assert client.post("/app", content=body).status_code == 422


def test_router_included_twice_keeps_each_inclusion(client_for: Client) -> None:
    seen: list[str] = []

    def mark(request: Request) -> None:
        seen.append(request.url.path)

    app = FastAPI()
    router = APIRouter()

    @router.get("/ping")
    def ping() -> str:
        return "pong"

    app.include_router(router, prefix="/v1")
    app.include_router(router, prefix="/v2", dependencies=[Depends(mark)])

    @router.get("/later")
    def later() -> str:
        return "later"

    client = client_for(app)
    assert [client.get(path).json() for path in ("/v1/ping", "/v2/ping", "/v2/later")] == [
        "pong",
        "pong",
        "later",
    ]
    assert seen == ["/v2/ping", "/v2/later"]
    paths = [
        context.path
        for context in iter_route_contexts(app.routes)
        if (context.path or "").startswith("/v")
    ]
    assert paths == ["/v1/ping", "/v1/later", "/v2/ping", "/v2/later"]


def test_nested_inclusions_merge_prefixes_and_dependencies(client_for: Client) -> None:
    order: list[str] = []

    def tag(name: str) -> Callable[[], None]:
        def dependency() -> None:
            order.append(name)

        dependency.__name__ = f"dep_{name}"
        return dependency

    app = FastAPI(dependencies=[Depends(tag("app"))])
    outer = APIRouter(prefix="/outer", dependencies=[Depends(tag("outer"))])
    inner = APIRouter(prefix="/inner", dependencies=[Depends(tag("inner"))])

    @inner.get("/leaf/{n}", dependencies=[Depends(tag("route"))])
    def leaf(n: int, dep: Annotated[None, Depends(tag("param"))]) -> int:
        return n

    outer.include_router(inner, dependencies=[Depends(tag("include-inner"))])
    app.include_router(outer, prefix="/api", dependencies=[Depends(tag("include-outer"))])
    assert client_for(app).get("/api/outer/inner/leaf/3").json() == 3
    assert order == [
        "app",
        "include-outer",
        "outer",
        "include-inner",
        "inner",
        "route",
        "param",
    ]


def test_each_inclusion_walks_only_what_it_adds(monkeypatch: pytest.MonkeyPatch) -> None:
    from fastslim_routing._routes import _effective

    walks: list[object] = []
    walk = _effective._walk

    def counting(*args: Any) -> None:
        walks.append(args[0])
        walk(*args)

    monkeypatch.setattr(_effective, "_walk", counting)
    app = FastAPI()

    def item(item_id: int) -> int:
        return item_id

    for n in range(50):
        router = APIRouter(prefix=f"/m{n}")
        router.add_api_route("/items/{item_id}", item)
        app.include_router(router)
    # Two walks per inclusion (the inclusion, then its router), not one per earlier one.
    assert len(walks) == 100
