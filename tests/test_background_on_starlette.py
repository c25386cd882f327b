"""fastslim's BackgroundTasks work where FastAPI apps put them: a Starlette response."""

import threading
from typing import cast

import httpx
import pytest
from starlette.applications import Starlette
from starlette.background import BackgroundTask as StarletteBackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from fastslim import BackgroundTasks
from fastslim.background import BackgroundTasks as BackgroundTasksFromModule


def as_starlette_background(tasks: BackgroundTasks) -> StarletteBackgroundTask:
    # Starlette annotates `background` with its own class; it only awaits the object.
    return cast(StarletteBackgroundTask, tasks)


def make_app(log: list[str], tasks_factory: type[BackgroundTasks] = BackgroundTasks) -> Starlette:
    def audit(user: str) -> None:
        log.append(f"sync audit {user} in thread {threading.get_ident() != main_thread}")

    async def welcome(user: str, *, subject: str) -> None:
        log.append(f"async email {user}: {subject}")

    async def signup(request: Request) -> JSONResponse:
        tasks = tasks_factory()
        tasks.add_task(audit, "ada")
        tasks.add_task(welcome, "ada", subject="Welcome")
        log.append("endpoint")
        return JSONResponse({"ok": True}, background=as_starlette_background(tasks))

    main_thread = threading.get_ident()
    return Starlette(routes=[Route("/signup", signup, methods=["POST"])])


def client_for(app: Starlette) -> httpx.AsyncClient:
    # httpx's ASGI transport returns once the app has finished, background included.
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest.mark.anyio
async def test_tasks_run_after_the_response_in_order() -> None:
    log: list[str] = []
    async with client_for(make_app(log)) as client:
        response = await client.post("/signup")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert log == ["endpoint", "sync audit ada in thread True", "async email ada: Welcome"]


def test_meta_package_paths_give_the_same_class() -> None:
    assert BackgroundTasks is BackgroundTasksFromModule


@pytest.mark.anyio
async def test_a_failing_task_reaches_the_server_after_the_response_is_sent() -> None:
    def fail() -> None:
        raise RuntimeError("task failed")

    async def endpoint(request: Request) -> JSONResponse:
        tasks = BackgroundTasks()
        tasks.add_task(fail)
        return JSONResponse({"sent": True}, background=as_starlette_background(tasks))

    app = Starlette(routes=[Route("/", endpoint)])
    async with client_for(app) as client:
        with pytest.raises(RuntimeError, match="task failed"):
            await client.get("/")
