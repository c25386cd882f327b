"""Streams that end before their first byte: invalid parameters, refusing dependencies, a
function-scoped dependency failing on exit; router default classes and Response headers."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Response
from fastapi.sse import EventSourceResponse

app = FastAPI()
events = APIRouter(prefix="/sse", default_response_class=EventSourceResponse)


def refuse() -> None:
    raise HTTPException(403, "refused", headers={"x-why": "policy"})


def fails_on_exit() -> Iterator[str]:
    yield "f"
    raise HTTPException(503, "closing failed")


@app.get("/numbers")
def numbers(count: Annotated[int, Query(ge=1, le=3)]) -> Iterator[int]:
    yield from range(count)


@app.get("/refused", dependencies=[Depends(refuse)])
async def refused() -> AsyncIterator[int]:
    yield 1


@app.get("/exit-fails")
def exit_fails(f: Annotated[str, Depends(fails_on_exit, scope="function")]) -> Iterator[str]:
    yield f


@app.get("/headers")
def headers(response: Response) -> Iterator[str]:
    response.headers["x-from-endpoint"] = "1"
    response.status_code = 206
    yield "h"


@events.get("/ticks")
async def ticks(n: int = 2) -> AsyncIterator[dict[str, int]]:
    for i in range(n):
        yield {"tick": i}


@events.get("/refused", dependencies=[Depends(refuse)])
async def events_refused() -> AsyncIterator[int]:
    yield 1


app.include_router(events)


CASES = [
    ("numbers", "GET", "/numbers?count=2"),
    ("numbers-invalid", "GET", "/numbers?count=9"),
    ("numbers-missing", "GET", "/numbers"),
    ("refused", "GET", "/refused"),
    ("exit-fails", "GET", "/exit-fails"),
    ("headers", "GET", "/headers"),
    ("ticks", "GET", "/sse/ticks?n=3"),
    ("ticks-invalid", "GET", "/sse/ticks?n=x"),
    ("events-refused", "GET", "/sse/refused"),
]
