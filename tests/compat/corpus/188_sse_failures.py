"""Server-sent events that fail: an invalid item, an exception, an invalid ServerSentEvent.

(Without `raises`, what FastAPI sends before an invalid item depends on the event loop's
scheduling, so only the raised error is compared for it.)"""

from collections.abc import AsyncIterator, Iterator

from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


@app.get("/invalid", response_class=EventSourceResponse)
def invalid() -> Iterator[Item]:
    yield Item(name="a", price=1)
    yield {"name": "x"}  # type: ignore[misc]


@app.get("/exception", response_class=EventSourceResponse)
async def exception() -> AsyncIterator[int]:
    yield 1
    raise RuntimeError("boom")


@app.get("/bad-event", response_class=EventSourceResponse)
async def bad_event() -> AsyncIterator[int]:
    yield 1
    yield ServerSentEvent(event="two\nlines")  # type: ignore[misc]


@app.get("/bad-retry", response_class=EventSourceResponse)
def bad_retry():  # type: ignore[no-untyped-def]
    yield ServerSentEvent(retry=1.5)  # type: ignore[arg-type]


@app.get("/both-data", response_class=EventSourceResponse)
def both_data():  # type: ignore[no-untyped-def]
    yield ServerSentEvent(data=1, raw_data="x")


@app.get("/bad-id", response_class=EventSourceResponse)
def bad_id():  # type: ignore[no-untyped-def]
    yield ServerSentEvent(id="a\0b")


CASES = [
    ("invalid-raises", "GET", "/invalid", {"raises": True}),
    ("exception", "GET", "/exception"),
    ("exception-raises", "GET", "/exception", {"raises": True}),
    ("bad-event", "GET", "/bad-event"),
    ("bad-event-raises", "GET", "/bad-event", {"raises": True}),
    ("bad-retry-raises", "GET", "/bad-retry", {"raises": True}),
    ("both-data-raises", "GET", "/both-data", {"raises": True}),
    ("bad-id-raises", "GET", "/bad-id", {"raises": True}),
]
