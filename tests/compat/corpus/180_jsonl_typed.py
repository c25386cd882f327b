"""JSON Lines from generator endpoints: items validated against the annotation's item type."""

import typing
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Generator,
    Iterable,
    Iterator,
)

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float = Field(alias="Price")
    tax: float | None = None


class Strings(BaseModel):
    model_config = ConfigDict(ser_json_inf_nan="strings")
    x: float


@app.get("/async-iterable")
async def async_iterable() -> AsyncIterable[Item]:
    yield Item(name="a", Price=1)
    yield {"name": "b", "Price": "2", "extra": 1}  # type: ignore[misc]


@app.get("/iterable")
def iterable() -> Iterable[Item]:
    yield Item(name="\u00e9", Price=1)


@app.get("/iterator", response_model_exclude_none=True)
def iterator() -> Iterator[Item]:
    yield Item(name="a", Price=1)
    yield Item(name="b", Price=2, tax=0.5)


@app.get("/generator", response_model_by_alias=False, response_model_exclude={"tax"})
def generator() -> Generator[Item, None, None]:
    yield Item(name="a", Price=1)


@app.get("/async-iterator", response_model_exclude_unset=True)
async def async_iterator() -> AsyncIterator[Item]:
    yield {"name": "a", "Price": 1}  # type: ignore[misc]


@app.post("/async-generator", status_code=201)
async def async_generator() -> AsyncGenerator[str, None]:
    yield "\u00e9"
    yield "b"


@app.get("/bare-typing")
async def bare_typing() -> typing.AsyncIterator:  # type: ignore[type-arg]
    yield {"a": 1}


@app.get("/non-finite")
def non_finite() -> Iterator[Strings]:
    yield Strings(x=float("nan"))
    yield {"x": float("inf")}  # type: ignore[misc]


@app.get("/floats")
def floats() -> Iterator[float]:
    yield float("nan")
    yield 1


@app.get("/empty")
def empty() -> Iterator[int]:
    yield from ()


@app.get("/not-a-generator")
def not_a_generator() -> Iterable[int]:
    return [1, 2]


CASES = [
    ("async-iterable", "GET", "/async-iterable"),
    ("iterable", "GET", "/iterable"),
    ("iterator", "GET", "/iterator"),
    ("generator", "GET", "/generator"),
    ("async-iterator", "GET", "/async-iterator"),
    ("async-generator", "POST", "/async-generator"),
    ("bare-typing", "GET", "/bare-typing"),
    ("non-finite", "GET", "/non-finite"),
    ("floats", "GET", "/floats"),
    ("empty", "GET", "/empty"),
    ("not-a-generator", "GET", "/not-a-generator"),
]
