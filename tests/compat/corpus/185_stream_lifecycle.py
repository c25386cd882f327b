"""Yield dependencies and background tasks around streams: function scope exits before the
first byte, background tasks run after the last one, request scope after them."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()
EVENTS: list[str] = []


def function_dep() -> Iterator[str]:
    EVENTS.append("setup function")
    yield "f"
    EVENTS.append("teardown function")


async def request_dep() -> AsyncIterator[str]:
    EVENTS.append("setup request")
    try:
        yield "r"
    except Exception as exc:
        EVENTS.append(f"request dependency got {type(exc).__name__}")
        raise
    finally:
        EVENTS.append("teardown request")


def default_dep(tasks: BackgroundTasks) -> Iterator[str]:
    EVENTS.append("setup default")
    tasks.add_task(EVENTS.append, "task from dependency")
    yield "d"
    EVENTS.append("teardown default")


Function = Annotated[str, Depends(function_dep, scope="function")]
Request = Annotated[str, Depends(request_dep, scope="request")]
Default = Annotated[str, Depends(default_dep)]


@app.get("/async")
async def async_stream(
    tasks: BackgroundTasks, f: Function, r: Request, d: Default
) -> AsyncIterator[str]:
    EVENTS.append("endpoint")
    tasks.add_task(EVENTS.append, "task from endpoint")
    for i in range(2):
        EVENTS.append(f"yield {i}")
        yield f + r + d
    EVENTS.append("generator end")


@app.get("/sync")
def sync_stream(tasks: BackgroundTasks, f: Function, r: Request) -> Iterator[str]:
    EVENTS.append("endpoint")
    tasks.add_task(EVENTS.append, "task from endpoint")
    for i in range(2):
        EVENTS.append(f"yield {i}")
        yield f + r


@app.get("/raw", response_class=StreamingResponse)
async def raw_stream(f: Function, r: Request):  # type: ignore[no-untyped-def]
    EVENTS.append("endpoint")
    yield "a"
    EVENTS.append("after a")
    yield "b"


@app.get("/fails")
async def fails(r: Request) -> AsyncIterator[int]:
    yield 1
    raise ValueError("mid-stream")


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("async", "GET", "/async"),
    ("async-events", "GET", "/events"),
    ("sync", "GET", "/sync"),
    ("sync-events", "GET", "/events"),
    ("raw", "GET", "/raw"),
    ("raw-events", "GET", "/events"),
    ("fails", "GET", "/fails"),
    ("fails-events", "GET", "/events"),
]
