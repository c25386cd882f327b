"""`_routes/_handlers.py` and the route changes extensions make (FastAPI 0.165's
behaviour, as fastapi-pagination uses it): `route.dependencies.append(...)`, then
`route.app = request_response(route.get_route_handler())` serves the new
dependency, under inclusions too."""

from collections.abc import Callable, Iterator
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from fastslim_di import Depends
from fastslim_routing.applications import FastAPI
from fastslim_routing.internals import get_parameterless_sub_dependant
from fastslim_routing.routing import APIRoute, APIRouter, _IncludedRouter, request_response
from fastslim_testclient import TestClient

log: list[str] = []


def added(response: Response, n: int = 0) -> Iterator[None]:
    log.append(f"added {n}")
    response.headers["x-added"] = str(n)
    yield
    log.append("added exit")


def make_app() -> FastAPI:
    app = FastAPI()

    @app.get("/top")
    def top() -> dict[str, str]:
        return {"a": "top"}

    router = APIRouter(prefix="/r")

    @router.get("/inner")
    def inner() -> dict[str, str]:
        return {"a": "inner"}

    app.include_router(router, prefix="/api")
    return app


def api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif isinstance(route, _IncludedRouter):
            yield from api_routes(route.original_router.routes)


def test_appended_dependencies_are_served(client_for: Callable[..., TestClient]) -> None:
    app = make_app()
    for route in api_routes(app.routes):
        dep = Depends(added)
        route.dependencies.append(dep)
        route.dependant.dependencies.append(
            get_parameterless_sub_dependant(depends=dep, path=route.path_format)
        )
        route.app = request_response(route.get_route_handler())
    with client_for(app) as client:
        log.clear()
        response = client.get("/top", params={"n": 3})
        assert response.json() == {"a": "top"}
        assert response.headers["x-added"] == "3"
        assert log == ["added 3", "added exit"]
        response = client.get("/api/r/inner", params={"n": "x"})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "n"]
        assert client.get("/api/r/inner").headers["x-added"] == "0"
    paths = app.openapi()["paths"]
    assert [p["name"] for p in paths["/top"]["get"]["parameters"]] == ["n"]
    assert [p["name"] for p in paths["/api/r/inner"]["get"]["parameters"]] == ["n"]


def test_request_response_of_plain_functions(client_for: Callable[..., TestClient]) -> None:
    app = FastAPI()

    @app.get("/a")
    def a() -> None: ...

    @app.get("/b")
    def b() -> None: ...

    async def async_handler(request: Request) -> Response:
        return PlainTextResponse(f"async {request.url.path}")

    def sync_handler(request: Request) -> Response:
        return PlainTextResponse(f"sync {request.url.path}")

    first, second = (r for r in app.routes if isinstance(r, APIRoute))
    first.app = request_response(async_handler)
    second.app = request_response(sync_handler)
    with client_for(app) as client:
        assert client.get("/a").text == "async /a"
        assert client.get("/b").text == "sync /b"


def test_the_handler_is_unchanged_without_a_change() -> None:
    app = make_app()
    route = next(api_routes(app.routes))
    compiled = route.compiled
    route.get_route_handler()
    assert route.compiled is compiled


def test_response_model_is_fastapis() -> None:
    app = FastAPI()

    @app.get("/a")
    def a() -> dict[str, int]:
        return {}

    @app.get("/b")
    def b() -> None: ...

    @app.get("/c")
    def c() -> Response:
        return Response()

    @app.get("/d", response_model=None)
    def d() -> dict[str, int]:
        return {}

    @app.get("/e")
    def e(): ...  # type: ignore[no-untyped-def]

    models = [r.response_model for r in app.routes if isinstance(r, APIRoute)]
    assert models == [dict[str, int], None, None, None, None]


def test_request_response_gives_fastapis_exit_stacks(
    client_for: Callable[..., TestClient],
) -> None:
    """The handler may enter dependencies on the scope's stacks, as FastAPI's
    internals do: the function stack closes before the response is sent, the inner
    one after it (and its background tasks), the middleware one last."""
    events: list[str] = []
    app = FastAPI()

    async def handler(request: Request) -> Response:
        scope = request.scope
        scope["fastapi_function_astack"].callback(events.append, "function closed")
        scope["fastapi_inner_astack"].callback(events.append, "inner closed")
        scope["fastapi_middleware_astack"].callback(events.append, "middleware closed")

        async def sent() -> None:
            events.append("background task")

        from starlette.background import BackgroundTask

        return PlainTextResponse("ok", background=BackgroundTask(sent))

    @app.get("/h")
    def placeholder() -> None: ...

    app.router.routes[-1].app = request_response(handler)  # type: ignore[attr-defined]
    assert client_for(app).get("/h").text == "ok"
    assert events == ["function closed", "background task", "inner closed", "middleware closed"]


def test_a_setting_assigned_later_is_served_by_the_new_handler(
    client_for: Callable[..., TestClient],
) -> None:
    """cadwyn sets the settings of a route's copy (strict_content_type from the
    routers above it), then serves `request_response(route.get_route_handler())`."""
    app = FastAPI()

    @app.post("/items")
    def create(item: dict[str, int]) -> dict[str, int]:
        return item

    route = app.router.routes[-1]
    assert isinstance(route, APIRoute)
    client = client_for(app)
    assert client.post("/items", content=b'{"a": 1}').status_code == 422  # strict
    route.strict_content_type = False
    route.app = request_response(route.get_route_handler())
    assert client.post("/items", content=b'{"a": 1}').json() == {"a": 1}
