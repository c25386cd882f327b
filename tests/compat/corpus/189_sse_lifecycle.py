"""Server-sent events with yield dependencies, background tasks and an app default class."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI
from fastapi.sse import EventSourceResponse

app = FastAPI(default_response_class=EventSourceResponse)
router = APIRouter(prefix="/router")
EVENTS: list[str] = []


def function_dep() -> Iterator[str]:
    EVENTS.append("setup function")
    yield "f"
    EVENTS.append("teardown function")


async def request_dep() -> AsyncIterator[str]:
    EVENTS.append("setup request")
    yield "r"
    EVENTS.append("teardown request")


@app.get("/stream")
async def stream(
    tasks: BackgroundTasks,
    f: Annotated[str, Depends(function_dep, scope="function")],
    r: Annotated[str, Depends(request_dep)],
) -> AsyncIterator[str]:
    EVENTS.append("endpoint")
    tasks.add_task(EVENTS.append, "task")
    for i in range(2):
        EVENTS.append(f"yield {i}")
        yield f + r


@router.get("/sync")
def sync(r: Annotated[str, Depends(request_dep)]) -> Iterator[dict[str, str]]:
    EVENTS.append("endpoint")
    yield {"r": r}


app.include_router(router)


@app.get("/events", response_class=EventSourceResponse)
def events() -> Iterator[list[str]]:
    copy = list(EVENTS)
    EVENTS.clear()
    yield copy


CASES = [
    ("stream", "GET", "/stream"),
    ("stream-events", "GET", "/events"),
    ("sync", "GET", "/router/sync"),
    ("sync-events", "GET", "/events"),
]
DELIBERATE = {
    "stream-events": {
        "reason": "Function-scoped dependencies of an event stream exit before the generator "
        "starts, as for every other stream (FastAPI runs the first events before they exit).",
        "body": b'data: ["setup function","setup request","teardown function","endpoint",'
        b'"yield 0","yield 1","task","teardown request"]\n\n',
    },
}
