"""`_routes/_inclusion.py`: the included-router entry of a router's `routes`
(FastAPI 0.165's `_IncludedRouter`): `matches()` over the routes below it, its
`include_context`, its `effective_route_contexts()`."""

from typing import Any

import pytest
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Match

from fastslim_routing.applications import FastAPI
from fastslim_routing.routing import APIRouter, _IncludedRouter


def plain(request: Request) -> PlainTextResponse:
    return PlainTextResponse("plain")


def make_app() -> tuple[FastAPI, APIRouter]:
    app = FastAPI()
    inner = APIRouter(prefix="/in")

    @inner.get("/items/{i}")
    def item(i: int) -> int:
        return i

    inner.add_route("/plain", plain)
    outer = APIRouter(prefix="/out")
    outer.include_router(inner, prefix="/v1", tags=["v1"])
    app.include_router(outer, prefix="/api")
    return app, outer


def scope(path: str, method: str = "GET") -> dict[str, Any]:
    return {"type": "http", "path": path, "method": method, "root_path": "", "headers": []}


def test_the_entry_matches_what_is_served_below_it() -> None:
    app, _ = make_app()
    node = app.routes[-1]
    assert isinstance(node, _IncludedRouter)
    assert node.matches(scope("/api/out/v1/in/items/1")) == (Match.FULL, {})
    assert node.matches(scope("/api/out/v1/in/items/1", "POST")) == (Match.PARTIAL, {})
    assert node.matches(scope("/api/out/v1/plain")) == (Match.FULL, {})
    assert node.matches(scope("/api/out/v1/in/plain")) == (Match.NONE, {})
    assert node.matches(scope("/elsewhere")) == (Match.NONE, {})


def test_a_nested_entry_matches_under_its_own_router() -> None:
    _, outer = make_app()
    nested = outer.routes[-1]
    assert isinstance(nested, _IncludedRouter)
    assert nested.matches(scope("/out/v1/in/items/1"))[0] is Match.FULL
    assert nested.matches(scope("/api/out/v1/in/items/1"))[0] is Match.NONE
    assert nested.include_context.prefix == "/out/v1"  # the including router's prefix first


def test_include_context_and_contexts() -> None:
    app, outer = make_app()
    node = app.routes[-1]
    assert isinstance(node, _IncludedRouter)
    context = node.include_context
    assert context.included_router is outer is node.original_router
    assert (context.prefix, context.dependency_overrides_provider) == ("/api", app)
    assert context is node.include_context
    found = [(c.path, c.starlette_route) for c in node.effective_route_contexts()]
    assert found[0] == ("/api/out/v1/in/items/{i}", None)
    assert found[1][0] == ""
    assert getattr(found[1][1], "path", None) == "/api/out/v1/plain"


def test_an_entry_built_by_hand_matches_nothing() -> None:
    node = _IncludedRouter(
        APIRouter(), "", default_response_class=None, generate_unique_id_function=None
    )
    assert node.matches(scope("/")) == (Match.NONE, {})
    assert list(node.effective_route_contexts()) == []


def test_the_entry_serves_what_it_matches(client_for: Any) -> None:
    """Code that dispatches over a router's `routes` itself (cadwyn) may hand the
    request to the entry, as FastAPI's."""
    app, _ = make_app()

    async def dispatcher(scope: Any, receive: Any, send: Any) -> None:
        scope["app"] = app
        partial = None
        for route in app.routes:
            match, child = route.matches(scope)
            if match is Match.FULL:
                scope.update(child)
                await route.handle(scope, receive, send)
                return
            partial = partial or (route if match is Match.PARTIAL else None)
        assert partial is not None
        await partial.handle(scope, receive, send)

    client = client_for(dispatcher)
    assert client.get("/api/out/v1/in/items/2").json() == 2
    assert client.get("/api/out/v1/plain").text == "plain"
    with pytest.raises(HTTPException) as caught:  # no exception middleware around it
        client.post("/api/out/v1/in/items/2")
    assert caught.value.status_code == 405
