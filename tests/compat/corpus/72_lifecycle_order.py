"""The request lifecycle: middleware, yield dependencies by scope, endpoint, background tasks."""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, Request, Response

app = FastAPI()
EVENTS: list[str] = []


@app.middleware("http")
async def around(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    if request.url.path != "/events":
        EVENTS.append("middleware enter")
    response = await call_next(request)
    if request.url.path != "/events":
        EVENTS.append("middleware exit")
    return response


def function_dep() -> Iterator[str]:
    EVENTS.append("setup function")
    yield "f"
    EVENTS.append("teardown function")


async def request_dep() -> AsyncIterator[str]:
    EVENTS.append("setup request")
    yield "r"
    EVENTS.append("teardown request")


def default_dep(background_tasks: BackgroundTasks) -> Iterator[str]:
    EVENTS.append("setup default")
    background_tasks.add_task(EVENTS.append, "task from dependency")
    yield "d"
    EVENTS.append("teardown default")


@app.get("/run")
def run(
    background_tasks: BackgroundTasks,
    f: Annotated[str, Depends(function_dep, scope="function")],
    r: Annotated[str, Depends(request_dep, scope="request")],
    d: Annotated[str, Depends(default_dep)],
) -> str:
    EVENTS.append("endpoint")
    background_tasks.add_task(EVENTS.append, "task from endpoint")
    return f + r + d


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("run", "GET", "/run"),
    ("events", "GET", "/events"),
]
