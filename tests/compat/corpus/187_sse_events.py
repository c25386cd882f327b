"""ServerSentEvent items on the wire: field order, multi-line data and comments, raw data."""

import datetime
from collections.abc import AsyncIterator, Iterator

from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float = Field(alias="Price", default=1)


@app.get("/fields", response_class=EventSourceResponse)
async def fields() -> AsyncIterator[Item]:
    yield ServerSentEvent(data=Item(name="c"), event="update", id="7", retry=10, comment="hi")  # type: ignore[misc]
    yield ServerSentEvent(data={"x": float("nan"), "d": datetime.date(2020, 1, 2)})  # type: ignore[misc]
    yield ServerSentEvent(raw_data="raw\nline\r\nthird\rfourth")  # type: ignore[misc]
    yield ServerSentEvent(comment="only\ncomment")  # type: ignore[misc]
    yield ServerSentEvent(data="str", id="", event="")  # type: ignore[misc]
    yield ServerSentEvent()  # type: ignore[misc]
    yield ServerSentEvent(data=None, retry=0)  # type: ignore[misc]
    yield ServerSentEvent(raw_data="")  # type: ignore[misc]
    yield ServerSentEvent(comment="")  # type: ignore[misc]
    yield ServerSentEvent(data=b"bytes")  # type: ignore[misc]
    yield ServerSentEvent(data=[Item(name="x")])  # type: ignore[misc]


@app.get("/untyped", response_class=EventSourceResponse)
def untyped():  # type: ignore[no-untyped-def]
    yield {"a": 1}
    yield "hello"
    yield float("inf")
    yield Item(name="x")
    yield None
    yield "multi\nline"
    yield [1, {"b": float("-inf")}]


@app.get("/list", response_class=EventSourceResponse)
def listed() -> list[int]:
    return [1, 2]


@app.get("/string", response_class=EventSourceResponse)
def string():  # type: ignore[no-untyped-def]
    return "xy"


@app.get("/returned")
def returned() -> EventSourceResponse:
    def chunks() -> Iterator[str]:
        yield "data: x\n\n"

    return EventSourceResponse(chunks())


CASES = [
    ("fields", "GET", "/fields"),
    ("untyped", "GET", "/untyped"),
    ("list", "GET", "/list"),
    ("string", "GET", "/string"),
    ("returned", "GET", "/returned"),
]
