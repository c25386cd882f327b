"""`_lifespan`: the app's lifespan, merged router lifespans, startup/shutdown handlers."""

import contextlib
from collections.abc import AsyncIterator, Callable

import pytest
from starlette.requests import Request

from fastslim_routing import APIRouter, FastAPI
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


def test_router_lifespans_merge_in_order_with_state(client_for: Client) -> None:
    events: list[str] = []

    def lifespan_of(
        name: str, state: dict[str, str]
    ) -> Callable[[object], contextlib.AbstractAsyncContextManager[dict[str, str]]]:
        @contextlib.asynccontextmanager
        async def lifespan(app: object) -> AsyncIterator[dict[str, str]]:
            events.append(f"start {name}")
            yield state
            events.append(f"stop {name}")

        return lifespan

    app = FastAPI(lifespan=lifespan_of("app", {"who": "app"}))
    router = APIRouter(lifespan=lifespan_of("router", {"who": "router", "r": "1"}))
    sub = APIRouter(lifespan=lifespan_of("sub", {"s": "2"}))
    router.include_router(sub)

    @router.get("/state")
    def state(request: Request) -> dict[str, str]:
        return {"who": request.state.who, "r": request.state.r, "s": request.state.s}

    app.include_router(router)
    with client_for(app) as client:
        assert client.get("/state").json() == {"who": "app", "r": "1", "s": "2"}
    assert events == [
        "start app",
        "start router",
        "start sub",
        "stop sub",
        "stop router",
        "stop app",
    ]


def test_on_event_is_deprecated_and_runs_without_lifespan(client_for: Client) -> None:
    events: list[str] = []
    app = FastAPI()
    with pytest.warns(DeprecationWarning, match="on_event is deprecated"):

        @app.on_event("startup")
        async def start() -> None:
            events.append("startup")

    with pytest.warns(DeprecationWarning, match="on_event is deprecated"):

        @app.on_event("shutdown")
        def stop() -> None:
            events.append("shutdown")

    with client_for(app):
        assert events == ["startup"]
    assert events == ["startup", "shutdown"]


def test_startup_handlers_are_ignored_with_a_lifespan(client_for: Client) -> None:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: object) -> AsyncIterator[None]:
        events.append("lifespan")
        yield

    app = FastAPI(lifespan=lifespan, on_startup=[lambda: events.append("handler")])
    with client_for(app):
        pass
    assert events == ["lifespan"]


def test_included_handlers_join_the_parent_and_run_twice(client_for: Client) -> None:
    # FastAPI 0.165: include_router appends the router's handlers to the parent's
    # lists, and the merged router lifespan runs them again (FACTS section 11).
    events: list[str] = []
    sub = APIRouter(
        on_startup=[lambda: events.append("sub")], on_shutdown=[lambda: events.append("sub-x")]
    )
    router = APIRouter(on_startup=[lambda: events.append("router")])
    router.include_router(sub)
    app = FastAPI(on_startup=[lambda: events.append("app")])
    app.include_router(router)
    assert len(app.router.on_startup) == 3
    assert len(app.router.on_shutdown) == 1
    with client_for(app):
        events.append("|")
    assert events == ["app", "router", "sub", "router", "sub", "sub", "|"] + ["sub-x"] * 3


def test_handlers_added_after_inclusion_run_once(client_for: Client) -> None:
    events: list[str] = []
    router = APIRouter()
    app = FastAPI()
    app.include_router(router)
    router.on_startup.append(lambda: events.append("late"))
    with client_for(app):
        pass
    assert events == ["late"]
    assert app.router.on_startup == []


def test_an_included_router_lifespan_runs_after_the_handlers_it_brought(
    client_for: Client,
) -> None:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: object) -> AsyncIterator[None]:
        events.append("router lifespan")
        yield

    router = APIRouter(lifespan=lifespan, on_startup=[lambda: events.append("router")])
    app = FastAPI()
    app.include_router(router)
    with client_for(app):
        pass
    assert events == ["router", "router lifespan"]


@pytest.mark.anyio
async def test_default_lifespan_runs_the_routers_handlers() -> None:
    from fastslim_routing.routing import _DefaultLifespan

    events: list[str] = []

    async def started() -> None:
        events.append("async start")

    router = APIRouter(
        on_startup=[lambda: events.append("start"), started],
        on_shutdown=[lambda: events.append("stop")],
    )
    lifespan = _DefaultLifespan(router)
    assert lifespan(object()) is lifespan
    async with lifespan as value:
        events.append(f"inside {value}")
    assert events == ["start", "async start", "inside None", "stop"]
