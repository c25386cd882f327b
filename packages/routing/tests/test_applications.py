"""`FastAPI`: middleware, exception handlers, overrides, mounts, root_path, task runner."""

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

import anyio
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from fastslim_routing import Depends, FastAPI, HTTPException
from fastslim_routing.exception_handlers import request_validation_exception_handler
from fastslim_routing.exceptions import FastAPIDeprecationWarning, RequestValidationError
from fastslim_tasks import TaskRunner
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Teapot(Exception):
    pass


def test_middleware_and_exception_handlers(client_for: Client) -> None:
    app = FastAPI()
    seen: list[int] = []

    @app.middleware("http")
    async def header(request: Request, call_next: Callable[..., Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["x-mw"] = "1"
        return response

    @app.exception_handler(Teapot)
    async def teapot(request: Request, exc: Exception) -> Response:
        return JSONResponse({"teapot": True}, status_code=418)

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: Exception) -> Response:
        seen.append(len(exc.errors()))  # type: ignore[attr-defined]
        return await request_validation_exception_handler(request, exc)  # type: ignore[arg-type]

    @app.get("/teapot")
    def boil() -> None:
        raise Teapot

    @app.get("/number")
    def number(n: int) -> int:
        return n

    client = client_for(app)
    response = client.get("/teapot")
    assert (response.status_code, response.json(), response.headers["x-mw"]) == (
        418,
        {"teapot": True},
        "1",
    )
    assert client.get("/number?n=x").status_code == 422
    assert seen == [1]
    with pytest.raises(ValueError, match="Only 'http' middleware"):
        app.middleware("websocket")


def test_dependency_overrides_are_live(client_for: Client) -> None:
    app = FastAPI()

    def database() -> str:
        return "real"

    @app.get("/")
    def endpoint(db: Annotated[str, Depends(database)]) -> str:
        return db

    client = client_for(app)
    app.dependency_overrides[database] = lambda: "fake"
    assert client.get("/").json() == "fake"
    app.dependency_overrides.clear()
    assert client.get("/").json() == "real"


def test_override_with_its_own_query_parameter(client_for: Client) -> None:
    app = FastAPI()

    def database() -> str:
        return "real"

    def fake(name: str) -> str:
        return f"fake {name}"

    @app.get("/")
    def endpoint(db: Annotated[str, Depends(database)]) -> str:
        return db

    app.dependency_overrides[database] = fake
    client = client_for(app)
    assert client.get("/?name=x").json() == "fake x"
    missing = client.get("/").json()["detail"]
    assert [error["loc"] for error in missing] == [["query", "name"]]


def test_mount_root_path_and_url_for(client_for: Client) -> None:
    with pytest.warns(FastAPIDeprecationWarning, match="The `root_path` parameter is deprecated"):
        app = FastAPI(root_path="/prefix")
    app.mount("/sub", Starlette(routes=[Route("/x", lambda r: PlainTextResponse("sub"))]))

    @app.get("/items/{item_id}", name="item")
    def item(item_id: int, request: Request) -> str:
        return str(request.url_for("item", item_id=item_id))

    client = client_for(app)
    # As in FastAPI, a mount under a root_path is reached through the full path.
    assert client.get("/prefix/sub/x").text == "sub"
    assert client.get("/sub/x").status_code == 404
    assert client.get("/items/3").json() == "http://testserver/prefix/items/3"
    assert app.url_path_for("item", item_id=4) == "/items/4"


def test_task_runner_is_started_by_the_lifespan_and_drained(client_for: Client) -> None:
    app = FastAPI()
    done: list[int] = []

    async def work(n: int) -> None:
        await anyio.sleep(0.01)
        done.append(n)

    @app.post("/jobs/{n}", status_code=202)
    def submit(n: int, runner: TaskRunner) -> str:
        runner.submit(work, n)
        return "accepted"

    with client_for(app) as client:
        assert client.post("/jobs/1").status_code == 202
        assert client.post("/jobs/2").json() == "accepted"
        assert isinstance(app.task_runner, TaskRunner)
    assert sorted(done) == [1, 2]
    with pytest.raises(RuntimeError, match="lifespan, which is not running"):
        _ = app.task_runner
    # A new lifespan run gets a new runner (a runner is entered once).
    with client_for(app) as client:
        assert client.post("/jobs/3").status_code == 202
    assert sorted(done) == [1, 2, 3]


def test_task_runner_drains_before_the_lifespan_shuts_down(client_for: Client) -> None:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: object) -> AsyncIterator[None]:
        events.append("database open")
        yield
        events.append("database closed")

    app = FastAPI(lifespan=lifespan)
    app.task_runner_factory = lambda: TaskRunner(max_concurrency=1)

    async def write(n: int) -> None:
        await anyio.sleep(0.02)
        events.append(f"written {n}")

    @app.post("/orders/{n}")
    def order(n: int) -> int:
        app.task_runner.submit(write, n)
        return n

    with client_for(app) as client:
        client.post("/orders/1")
        client.post("/orders/2")
    assert events == ["database open", "written 1", "written 2", "database closed"]
    with pytest.raises(TypeError, match="must be callable"):
        app.task_runner_factory = 3  # type: ignore[assignment]


def test_an_exception_handler_raising_an_http_exception(client_for: Client) -> None:
    app = FastAPI()

    class NotFoundInDB(Exception):
        pass

    @app.exception_handler(NotFoundInDB)
    async def to_http(request: Request, exc: Exception) -> Response:
        raise HTTPException(404, "Item not found") from exc

    @app.get("/items/{i}")
    def item(i: int) -> None:
        raise NotFoundInDB(i)

    response = client_for(app).get("/items/1")
    assert (response.status_code, response.json()) == (404, {"detail": "Item not found"})


def test_app_scoped_dependency_without_the_lifespan_says_why(client_for: Client) -> None:
    from collections.abc import AsyncIterator as Resources

    from fastslim_routing.exceptions import FastAPIError

    async def engine() -> Resources[str]:
        yield "engine"

    app = FastAPI()

    @app.get("/")
    def endpoint(e: Annotated[str, Depends(engine, scope="app")]) -> str:
        return e

    with pytest.raises(FastAPIError, match="its lifespan runs the app scope"):
        client_for(app).get("/")
    with client_for(app) as client:
        assert client.get("/").json() == "engine"


def test_a_subclass_setup_adds_its_routes_after_the_docs(client_for: Client) -> None:
    # FastAPI calls `self.setup()` last in `__init__` (fastapi-jsonrpc's API adds
    # /openrpc.json there, after calling the base class's).
    class WithSpec(FastAPI):
        def setup(self) -> None:
            super().setup()

            async def spec(request: Request) -> JSONResponse:
                return JSONResponse({"title": self.title})

            self.add_route("/spec.json", spec, include_in_schema=False)

    app = WithSpec(title="Mine")
    paths = [getattr(route, "path", None) for route in app.routes]
    assert paths == ["/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/spec.json"]
    with client_for(app) as client:
        assert client.get("/spec.json").json() == {"title": "Mine"}
