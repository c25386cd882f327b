"""`APIRouter`: inclusion without copying, live routes, dispatch, 404/405, redirects."""

from collections.abc import Callable

import pytest
from starlette.routing import Match

from fastslim_routing import APIRouter, FastAPI
from fastslim_routing.routing import APIRoute, iter_route_contexts
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


def test_inclusion_prefixes_and_live_routes(client_for: Client) -> None:
    app = FastAPI()
    router = APIRouter(prefix="/r")

    @router.get("/i/{i}")
    def item(i: int) -> int:
        return i

    app.include_router(router, prefix="/api")

    @router.get("/late")
    def late() -> str:
        return "late"

    client = client_for(app)
    assert client.get("/api/r/i/5").json() == 5
    assert client.get("/api/r/late").json() == "late"
    paths = [
        context.path
        for context in iter_route_contexts(app.routes)
        if (context.path or "").startswith("/api")
    ]
    assert paths == ["/api/r/i/{i}", "/api/r/late"]


def test_scope_route_is_the_original_route(client_for: Client) -> None:
    app = FastAPI()
    router = APIRouter(prefix="/r")
    seen: list[object] = []

    from starlette.requests import Request

    @router.get("/x")
    def endpoint(request: Request) -> str:
        seen.append(request.scope["route"])
        return request.scope["route"].path  # type: ignore[no-any-return]

    app.include_router(router, prefix="/api")
    assert client_for(app).get("/api/r/x").json() == "/r/x"
    assert isinstance(seen[0], APIRoute)


def test_first_declared_wins_405_and_404(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/items/{item_id}")
    def by_id(item_id: int) -> int:
        return item_id

    @app.get("/items/latest")
    def latest() -> str:
        return "latest"

    client = client_for(app, follow_redirects=False)
    assert client.get("/items/latest").status_code == 422
    not_allowed = client.post("/items/3")
    assert (not_allowed.status_code, not_allowed.headers["allow"]) == (405, "GET")
    assert not_allowed.json() == {"detail": "Method Not Allowed"}
    assert client.get("/nope").json() == {"detail": "Not Found"}
    redirect = client.get("/items/3/")
    assert (redirect.status_code, redirect.headers["location"]) == (
        307,
        "http://testserver/items/3",
    )


def test_self_inclusion_and_cycles_are_errors() -> None:
    outer, inner = APIRouter(), APIRouter()
    with pytest.raises(AssertionError, match="into itself"):
        outer.include_router(outer)
    outer.include_router(inner)
    with pytest.raises(AssertionError, match="already includes this router"):
        inner.include_router(outer)


def test_assigned_routes_are_served_and_matches_name_the_route(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/a")
    def a() -> str:
        return "a"

    router = APIRouter()

    @router.get("/b")
    def b() -> str:
        return "b"

    client = client_for(app)
    assert client.get("/a").json() == "a"
    app.router.routes = [*app.router.routes, *router.routes]  # replaced, as cadwyn does
    app.router._mark_routes_changed()
    assert client.get("/b").json() == "b"
    assert "/b" in app.openapi()["paths"]
    route = app.router.routes[-1]
    match, child = route.matches({"type": "http", "path": "/b", "method": "GET"})
    assert (match, child["route"]) == (Match.FULL, route)  # FastAPI's child scope
