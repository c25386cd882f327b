"""FastAPI's route contexts (issue 16) against FastAPI 0.165: `RouteContext`,
`_EffectiveRouteContext`, `iter_route_contexts`, `_iter_routes_with_context`,
`_get_scope_effective_route_context`, the included-router entry of `app.routes`
(`matches`, `include_context`, `effective_route_contexts`, as
prometheus-fastapi-instrumentator and opentelemetry-instrumentation-fastapi use
them) and `AsyncExitStackMiddleware`: the same fields, signatures and results
for the same app. Runs in `nox -s compat`, where FastAPI is installed."""

import dataclasses
import inspect
from types import ModuleType, SimpleNamespace
from typing import Any

import anyio
import fastapi
import fastapi.middleware.asyncexitstack
import fastapi.routing
import pytest
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Match, Mount, Route
from starlette.websockets import WebSocket

import fastslim
import fastslim.middleware.asyncexitstack
import fastslim.routing
import fastslim.testclient

FRAMEWORKS = {
    "fastapi": SimpleNamespace(
        root=fastapi,
        routing=fastapi.routing,
        astack=fastapi.middleware.asyncexitstack,
        client=fastslim.testclient.TestClient,  # one client drives both
    ),
    "fastslim": SimpleNamespace(
        root=fastslim,
        routing=fastslim.routing,
        astack=fastslim.middleware.asyncexitstack,
        client=fastslim.testclient.TestClient,
    ),
}


def _plain(request: Any) -> PlainTextResponse:
    return PlainTextResponse("plain")


def build(fw: SimpleNamespace) -> tuple[Any, dict[str, Any]]:
    """An app with a top-level route, an inclusion of an inclusion (prefixes, tags,
    dependencies, responses), a websocket route, a plain Starlette route added with
    `add_route` and a mount below it; the endpoint records the effective context."""
    seen: dict[str, Any] = {}

    def marker() -> None:
        return None

    app = fw.root.FastAPI()
    inner = fw.root.APIRouter(prefix="/in", tags=["inner"], responses={418: {"description": "T"}})

    def read_item(item_id: int, request: Request, q: str | None = None) -> dict[str, int]:
        """Reads an item."""
        seen["context"] = fw.routing._get_scope_effective_route_context(request.scope)
        return {"item_id": item_id}

    def create_item(payload: dict[str, int]) -> dict[str, int]:
        return payload

    async def socket(websocket: WebSocket) -> None:
        await websocket.close()

    inner.get("/items/{item_id}", status_code=201, tags=["item"], summary="Read")(read_item)
    inner.post("/items")(create_item)
    inner.websocket("/ws")(socket)

    inner.add_route("/plain", _plain)
    inner.routes.append(Mount("/static", routes=[Route("/leaf", _plain)]))
    middle = fw.root.APIRouter(prefix="/mid")
    middle.include_router(inner, prefix="/v1", tags=["v1"], dependencies=[fw.root.Depends(marker)])
    app.include_router(middle, prefix="/api")

    def top(request: Request) -> int:
        seen["top"] = fw.routing._get_scope_effective_route_context(request.scope)
        return 1

    app.get("/top")(top)

    return app, seen


def _name(value: Any) -> Any:
    if value is None:
        return None
    return type(value).__name__.lstrip("_")


def _route(route: Any) -> Any:
    if route is None:
        return None
    return (_name(route), getattr(route, "path", None), getattr(route, "name", None))


def _effective(context: Any) -> Any:
    """What an extension reads of an `_EffectiveRouteContext`."""
    if context is None:
        return None
    dependant = context.dependant
    return {
        "original_route": _route(context.original_route),
        "starlette_route": _route(context.starlette_route),
        "path": context.path,
        "path_format": context.path_format,
        "name": context.name,
        "methods": sorted(context.methods),
        "tags": context.tags,
        "responses": context.responses,
        "status_code": context.status_code,
        "summary": context.summary,
        "description": context.description,
        "unique_id": context.unique_id,
        "include_in_schema": context.include_in_schema,
        "deprecated": context.deprecated,
        "dependencies": [getattr(d.dependency, "__name__", None) for d in context.dependencies],
        "response_class": _name(context.response_class),
        "strict_content_type": _name(context.strict_content_type),
        "max_body_size": context.max_body_size,
        "param_convertors": sorted(context.param_convertors),
        "dependant": None
        if dependant is None
        else (dependant.path, [p.name for p in dependant.query_params], dependant.call.__name__),
        "body_field": None if context.body_field is None else context.body_field.name,
        "response_field": None if context.response_field is None else context.response_field.name,
        "_embed_body_fields": context._embed_body_fields,
        "has_app": context.app is not None,
    }


def _context(context: Any) -> Any:
    return (
        _route(context.route),
        context.path,
        context.path_format,
        context.name,
        sorted(context.methods) if context.methods is not None else None,
        getattr(context.endpoint, "__name__", None),
        _name(context._effective_route),
        _effective(context._route_context),
    )


def _scope(path: str, method: str = "GET", kind: str = "http") -> dict[str, Any]:
    scope: dict[str, Any] = {"type": kind, "path": path, "root_path": "", "headers": []}
    if kind == "http":
        scope["method"] = method
    return scope


SCOPES = [
    _scope("/api/mid/v1/in/items/3"),
    _scope("/api/mid/v1/in/items/3", "POST"),
    _scope("/api/mid/v1/in/items"),
    _scope("/api/mid/v1/in/ws", kind="websocket"),
    _scope("/api/mid/v1/plain"),
    _scope("/api/mid/v1/static/leaf"),
    _scope("/top"),
    _scope("/nowhere"),
]


def _child(child: dict[str, Any]) -> Any:
    return {
        key: (getattr(value, "__name__", value) if key == "endpoint" else value)
        for key, value in child.items()
        if not key.startswith("fastslim.")
    }


def observe(name: str) -> dict[str, Any]:
    fw = FRAMEWORKS[name]
    app, seen = build(fw)
    found: dict[str, Any] = {}
    found["app.routes"] = [_route(route) for route in app.routes]
    found["contexts"] = [_context(c) for c in fw.routing.iter_route_contexts(app.routes)]
    again = list(fw.routing.iter_route_contexts(list(fw.routing.iter_route_contexts(app.routes))))
    found["contexts again"] = [_context(c) for c in again]
    found["with context"] = [
        (_route(route), _effective(context))
        for route, context in fw.routing._iter_routes_with_context(app.routes)
    ]
    node = app.routes[-2]
    include = node.include_context
    found["include_context"] = {
        "included_router": include.included_router is node.original_router,
        "prefix": include.prefix,
        "tags": include.tags,
        "dependencies": len(include.dependencies),
        "responses": include.responses,
        "callbacks": include.callbacks,
        "deprecated": include.deprecated,
        "include_in_schema": include.include_in_schema,
        "strict_content_type": include.strict_content_type,
        "dependency_overrides_provider": include.dependency_overrides_provider is app,
        "max_body_size": include.max_body_size,
        "form_limits": include.form_limits,
    }
    nested = node.original_router.routes[-1]
    found["nested prefix"] = nested.include_context.prefix
    found["effective_route_contexts"] = [_effective(c) for c in node.effective_route_contexts()]
    matched = {}
    for scope in SCOPES:
        key = f"{scope.get('method', 'WS')} {scope['path']}"
        matched[key] = {
            "app.routes": [
                (_route(route), route.matches(dict(scope))[0].name) for route in app.routes
            ],
            "node contexts": [
                (c.path, c.matches(dict(scope))[0].name, _child(c.matches(dict(scope))[1]))
                for c in node.effective_route_contexts()
                if c.starlette_route is None
            ],
            "contexts": [
                (c.path, c.matches(dict(scope))[0].name)
                for c in fw.routing.iter_route_contexts(app.routes)
            ],
        }
    found["matches"] = matched
    with fw.client(app) as client:
        found["responses"] = [
            client.get("/api/mid/v1/in/items/3").json(),
            client.get("/top").json(),
            client.get("/api/mid/v1/plain").text,
            client.get("/api/mid/v1/in/plain").status_code,
        ]
    found["scope context"] = _effective(seen["context"])
    found["scope context is the listed one"] = seen["context"] == next(
        c for _, c in fw.routing._iter_routes_with_context(app.routes) if c is not None
    )
    found["top scope context"] = seen["top"]
    found["no scope"] = fw.routing._get_scope_effective_route_context({})
    found["url_path_for"] = str(app.url_path_for("read_item", item_id="7"))
    return found


def test_an_app_with_inclusions_is_seen_alike() -> None:
    theirs, ours = observe("fastapi"), observe("fastslim")
    for key in theirs:
        assert ours[key] == theirs[key], key


def prometheus_route_name(routes: list[Any], scope: dict[str, Any]) -> str | None:
    """prometheus-fastapi-instrumentator 8's resolution: app.routes, each included
    router flattened through `effective_route_contexts()`, first full match wins."""
    partial = None
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        candidates = [c.starlette_route or c for c in contexts()] if callable(contexts) else [route]
        for candidate in candidates:
            match, child = candidate.matches(scope)
            if match is Match.NONE:
                continue
            if isinstance(candidate, Mount):
                inner = prometheus_route_name(candidate.routes, {**scope, **child})
                if inner is None:
                    continue
                name = candidate.path + inner
            else:
                path: str | None = getattr(candidate, "path", None)
                if path is None:
                    continue
                name = path
            if match is Match.FULL:
                return name
            partial = partial or name
    return partial


def otel_route_name(fw: SimpleNamespace, app: Any, scope: dict[str, Any]) -> str | None:
    """opentelemetry-instrumentation-fastapi's: `iter_route_contexts(app.routes)`,
    `matches()` of each, the first full match's `path`."""
    route = None
    for context in fw.routing.iter_route_contexts(app.routes):
        match, _ = context.matches(scope)
        if match is Match.FULL:
            return context.path  # type: ignore[no-any-return]
        if match is Match.PARTIAL:
            route = context.path
    return route


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: f"{s.get('method', 'WS')} {s['path']}")
def test_extensions_name_the_same_route(scope: dict[str, Any]) -> None:
    names = {}
    for name, fw in FRAMEWORKS.items():
        app, _ = build(fw)
        names[name] = (
            prometheus_route_name(app.routes, dict(scope)),
            otel_route_name(fw, app, dict(scope)),
        )
    assert names["fastslim"] == names["fastapi"]


def _fields(cls: type) -> list[tuple[Any, ...]]:
    return [
        (
            f.name,
            f.init,
            f.repr,
            f.compare,
            f.default is not dataclasses.MISSING,
            f.default_factory is not dataclasses.MISSING,
            None if f.default is dataclasses.MISSING else repr(f.default),
        )
        for f in dataclasses.fields(cls)
    ]


@pytest.mark.parametrize(
    "name", ["RouteContext", "_EffectiveRouteContext", "_RouterIncludeContext"]
)
def test_context_dataclasses(name: str) -> None:
    theirs, ours = getattr(fastapi.routing, name), getattr(fastslim.routing, name)
    assert _fields(ours) == _fields(theirs)
    assert ours.__dataclass_params__.frozen == theirs.__dataclass_params__.frozen
    assert (ours.__hash__ is None) == (theirs.__hash__ is None)


def _parameters(func: Any) -> list[tuple[str, Any, Any]]:
    return [
        (p.name, p.kind, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in inspect.signature(func).parameters.values()
    ]


@pytest.mark.parametrize(
    "path",
    [
        "routing.iter_route_contexts",
        "routing._iter_routes_with_context",
        "routing._get_scope_effective_route_context",
        "routing._EffectiveRouteContext.matches",
        "routing._EffectiveRouteContext.url_path_for",
        "routing._IncludedRouter.matches",
        "routing._IncludedRouter.effective_route_contexts",
        "astack.AsyncExitStackMiddleware",
        "astack.AsyncExitStackMiddleware.__call__",
    ],
)
def test_signatures(path: str) -> None:
    found = []
    for fw in FRAMEWORKS.values():
        value: Any = fw
        for part in path.split("."):
            value = getattr(value, part)
        found.append(_parameters(value))
    assert found[1] == found[0]


def test_async_exit_stack_middleware() -> None:
    """The stack is in the scope under its name while the app runs, and what is
    pushed on it runs once the app returns (or raised)."""

    def run(module: ModuleType, name: str | None, fail: bool) -> list[str]:
        events: list[str] = []

        async def app(scope: Any, receive: Any, send: Any) -> None:
            stack = scope[name or "fastapi_middleware_astack"]
            stack.callback(events.append, "closed")
            events.append(type(stack).__name__)
            if fail:
                raise ValueError("boom")

        middleware = (
            module.AsyncExitStackMiddleware(app, context_name=name)
            if name
            else module.AsyncExitStackMiddleware(app)
        )

        async def main() -> None:
            try:
                await middleware({"type": "http"}, None, None)
            except ValueError as error:
                events.append(f"raised {error}")

        anyio.run(main)
        return events

    for name in (None, "custom"):
        for fail in (False, True):
            theirs = run(fastapi.middleware.asyncexitstack, name, fail)
            ours = run(fastslim.middleware.asyncexitstack, name, fail)
            assert ours == theirs
