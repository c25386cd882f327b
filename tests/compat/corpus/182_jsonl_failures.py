"""JSON Lines that fail mid-stream: an invalid item, an exception, an HTTPException."""

from collections.abc import AsyncIterator, Iterator

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


@app.get("/invalid")
def invalid() -> Iterator[Item]:
    yield Item(name="a", price=1)
    yield {"name": "x"}  # type: ignore[misc]


@app.get("/invalid-first")
async def invalid_first() -> AsyncIterator[int]:
    yield "x"  # type: ignore[misc]


@app.get("/exception")
async def exception() -> AsyncIterator[int]:
    yield 1
    raise RuntimeError("boom")


@app.get("/sync-exception")
def sync_exception() -> Iterator[int]:
    yield 1
    raise ValueError("sync boom")


@app.get("/http-exception")
async def http_exception() -> AsyncIterator[int]:
    yield 1
    raise HTTPException(400)


@app.get("/before-first")
async def before_first() -> AsyncIterator[int]:
    raise HTTPException(418, "teapot")
    yield 1  # type: ignore[unreachable]


CASES = [
    ("invalid", "GET", "/invalid"),
    ("invalid-raises", "GET", "/invalid", {"raises": True}),
    ("invalid-first", "GET", "/invalid-first"),
    ("invalid-first-raises", "GET", "/invalid-first", {"raises": True}),
    ("exception", "GET", "/exception"),
    ("exception-raises", "GET", "/exception", {"raises": True}),
    ("sync-exception", "GET", "/sync-exception"),
    ("sync-exception-raises", "GET", "/sync-exception", {"raises": True}),
    ("http-exception", "GET", "/http-exception"),
    ("http-exception-raises", "GET", "/http-exception", {"raises": True}),
    ("before-first", "GET", "/before-first"),
    ("before-first-raises", "GET", "/before-first", {"raises": True}),
]
