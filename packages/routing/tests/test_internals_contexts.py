"""`_internals/contexts.py`: FastAPI 0.165's `RouteContext`, `_EffectiveRouteContext`,
`iter_route_contexts`, `_iter_routes_with_context` and
`_get_scope_effective_route_context`, as views of the served routes (whole
comparisons with FastAPI in tests/compat/test_route_contexts_against_fastapi.py)."""

from collections.abc import Callable
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Match, Mount, NoMatchFound, Route

from fastslim_di import Depends
from fastslim_routing.applications import FastAPI
from fastslim_routing.openapi.utils import get_openapi
from fastslim_routing.routing import (
    APIRoute,
    APIRouter,
    RouteContext,
    _EffectiveRouteContext,
    _get_scope_effective_route_context,
    _iter_routes_with_context,
    iter_route_contexts,
)
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


def plain(request: Request) -> PlainTextResponse:
    return PlainTextResponse("plain")


def mark() -> None:
    return None


def make_app(seen: list[Any]) -> FastAPI:
    app = FastAPI()
    router = APIRouter(prefix="/r", tags=["r"])

    @router.get("/items/{i}", summary="Item")
    def item(i: int, request: Request) -> dict[str, int]:
        seen.append(_get_scope_effective_route_context(request.scope))
        return {"i": i}

    router.add_route("/plain", plain)
    router.routes.append(Mount("/m", routes=[Route("/leaf", plain)]))
    app.include_router(router, prefix="/api", tags=["api"], dependencies=[Depends(mark)])

    @app.get("/top")
    def top(request: Request) -> int:
        seen.append(_get_scope_effective_route_context(request.scope))
        return 1

    return app


def scope(path: str, method: str = "GET", kind: str = "http") -> dict[str, Any]:
    found: dict[str, Any] = {"type": kind, "path": path, "root_path": "", "headers": []}
    if kind == "http":
        found["method"] = method
    return found


def test_route_contexts_read_the_effective_route() -> None:
    contexts = {c.path: c for c in iter_route_contexts(make_app([]).routes)}
    included = contexts["/api/r/items/{i}"]
    assert isinstance(included.route, APIRoute)
    assert included.route.path == "/r/items/{i}"
    assert included.original_route is included.route
    assert isinstance(included._route_context, _EffectiveRouteContext)
    assert (included.name, included.methods, included.path_format) == (
        "item",
        {"GET"},
        "/api/r/items/{i}",
    )
    # Unknown attributes come from the effective route: matches() as served.
    assert included.matches(scope("/api/r/items/1"))[0] is Match.FULL
    assert included.matches(scope("/api/r/items/1", "PUT"))[0] is Match.PARTIAL
    assert included.summary == "Item"
    top = contexts["/top"]
    assert top._route_context is None
    assert top.matches(scope("/top"))[0] is Match.FULL
    mount = contexts["/api/m"]
    assert mount.path_format == "/api/m/{path}"
    assert isinstance(mount.route, Mount)
    assert contexts["/api/plain"].methods == {"GET", "HEAD"}
    with pytest.raises(AttributeError):
        _ = included.nonexistent


def test_a_context_list_is_its_own_contexts_and_documents_alike() -> None:
    app = make_app([])
    first = list(iter_route_contexts(app.routes))
    assert list(iter_route_contexts(first)) == first
    assert RouteContext(first[0].route) == first[0]  # top level: no effective context
    document = get_openapi(title="T", version="1", routes=first)
    assert document == get_openapi(title="T", version="1", routes=app.routes)
    assert document["paths"]["/api/r/items/{i}"]["get"]["tags"] == ["api", "r"]


def test_effective_route_context_merges_the_inclusions() -> None:
    pairs = list(_iter_routes_with_context(make_app([]).routes))
    contexts = {getattr(route, "path", None): context for route, context in pairs}
    assert contexts["/top"] is None
    assert contexts["/openapi.json"] is None
    item = contexts["/r/items/{i}"]
    assert item is not None
    assert (item.path, item.tags, item.unique_id) == (
        "/api/r/items/{i}",
        ["api", "r"],
        "item_api_r_items__i__get",
    )
    assert [d.dependency for d in item.dependencies] == [mark]
    assert item.dependant is not None
    assert item.dependant.path == "/api/r/items/{i}"
    assert [p.name for p in item.dependant.path_params] == ["i"]
    assert item.response_field is not None
    assert item.body_field is None
    assert item.url_path_for("item", i=3) == "/api/r/items/3"
    with pytest.raises(NoMatchFound):
        item.url_path_for("item")
    plain_context = contexts["/plain"]
    assert plain_context is not None
    assert plain_context.path == ""
    assert getattr(plain_context.starlette_route, "path", None) == "/api/plain"
    assert plain_context.matches(scope("/api/plain"))[0] is Match.FULL


def test_a_hand_built_context_matches_by_its_fields() -> None:
    context = _EffectiveRouteContext(original_route=Route("/a", plain))
    assert context.matches(scope("/a")) == (Match.NONE, {})  # no path_regex
    route = APIRoute("/x/{n:int}", lambda n: n)
    built = _EffectiveRouteContext(
        original_route=route,
        path=route.path,
        path_regex=route.path_regex,
        path_format=route.path_format,
        param_convertors=route.param_convertors,
        methods={"GET"},
        name="x",
    )
    assert built.matches(scope("/x/4")) == (Match.FULL, {"endpoint": None, "path_params": {"n": 4}})
    assert built.matches(scope("/x/4", "POST"))[0] is Match.PARTIAL
    assert built.matches(scope("/x/4", kind="websocket"))[0] is Match.NONE


def test_the_scope_context_of_a_request(client_for: Client) -> None:
    seen: list[Any] = []
    app = make_app(seen)
    client = client_for(app)
    assert client.get("/api/r/items/2").json() == {"i": 2}
    assert client.get("/top").json() == 1
    listed = next(c for _, c in _iter_routes_with_context(app.routes) if c is not None)
    assert seen[0] is listed  # built once per served route
    assert seen[1] is None
    assert _get_scope_effective_route_context({}) is None
    given = object()
    assert (
        _get_scope_effective_route_context({"fastapi": {"effective_route_context": given}}) is given
    )
