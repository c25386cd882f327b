"""Nested yield dependencies converting and re-raising exceptions from the endpoint."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()
EVENTS: list[str] = []


async def outer() -> AsyncIterator[str]:
    EVENTS.append("outer setup")
    try:
        yield "outer"
    except HTTPException as exc:
        EVENTS.append(f"outer saw {exc.status_code}")
        raise
    finally:
        EVENTS.append("outer teardown")


def inner(o: Annotated[str, Depends(outer)]) -> Iterator[str]:
    EVENTS.append("inner setup")
    try:
        yield o + "+inner"
    except KeyError as exc:
        EVENTS.append("inner converts KeyError")
        raise HTTPException(404, f"missing {exc}") from exc
    finally:
        EVENTS.append("inner teardown")


@app.get("/key/{k}")
def key(k: str, v: Annotated[str, Depends(inner)]) -> str:
    return {"a": v}[k]


@app.get("/http")
def http(v: Annotated[str, Depends(inner)]) -> None:
    raise HTTPException(409, "endpoint conflict")


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("found", "GET", "/key/a"),
    ("events-found", "GET", "/events"),
    ("missing", "GET", "/key/b"),
    ("events-missing", "GET", "/events"),
    ("http", "GET", "/http"),
    ("events-http", "GET", "/events"),
]
