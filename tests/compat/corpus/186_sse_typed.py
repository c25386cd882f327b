"""Server-sent events from generator endpoints: typed items, the dump options, headers."""

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator

from fastapi import Depends, FastAPI, Response
from fastapi.responses import EventSourceResponse
from fastapi.sse import ServerSentEvent
from pydantic import BaseModel, Field

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float = Field(alias="Price", default=1)
    tax: float | None = None


def accepted(response: Response) -> None:
    response.status_code = 299
    response.headers["x-dep"] = "1"


@app.get("/typed", response_class=EventSourceResponse)
async def typed() -> AsyncIterable[Item]:
    yield Item(name="a")
    yield {"name": "b", "Price": "2", "extra": 1}  # type: ignore[misc]
    yield Item(name="\u00e9", tax=float("nan"))


@app.post("/sync", response_class=EventSourceResponse, status_code=201)
def sync() -> Iterable[str]:
    yield "a\nb"
    yield "\u00e9"


@app.get(
    "/options",
    response_class=EventSourceResponse,
    response_model_exclude_none=True,
    response_model_by_alias=False,
)
def options() -> Iterator[Item]:
    yield Item(name="a")


@app.get(
    "/unset",
    response_class=EventSourceResponse,
    dependencies=[Depends(accepted)],
    response_model_exclude_unset=True,
)
async def unset() -> AsyncIterator[Item]:
    yield {"name": "a"}  # type: ignore[misc]


@app.get("/events-typed", response_class=EventSourceResponse)
def events_typed() -> Iterator[ServerSentEvent]:
    yield ServerSentEvent(data=1, event="n")
    yield {"data": 2}  # type: ignore[misc]


@app.get("/empty", response_class=EventSourceResponse)
async def empty() -> AsyncIterator[int]:
    return
    yield 1  # type: ignore[unreachable]


CASES = [
    ("typed", "GET", "/typed"),
    ("sync", "POST", "/sync"),
    ("options", "GET", "/options"),
    ("unset", "GET", "/unset"),
    ("events-typed", "GET", "/events-typed"),
    ("empty", "GET", "/empty"),
]
