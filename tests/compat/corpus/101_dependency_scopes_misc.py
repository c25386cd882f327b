"""Dependency scopes that are allowed: a plain dependency on a function-scoped one, caching."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()
EVENTS: list[str] = []


def session() -> Iterator[int]:
    EVENTS.append("open session")
    yield len(EVENTS)
    EVENTS.append("close session")


def plain(s: Annotated[int, Depends(session, scope="function")]) -> int:
    return s


@app.get("/plain-on-function")
def plain_on_function(
    a: Annotated[int, Depends(plain)],
    b: Annotated[int, Depends(session, scope="function")],
) -> list[int]:
    return [a, b]


@app.get("/two-scopes")
def two_scopes(
    a: Annotated[int, Depends(session, scope="function")],
    b: Annotated[int, Depends(session, scope="request")],
) -> list[int]:
    EVENTS.append("endpoint")
    return [a, b]


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("plain-on-function", "GET", "/plain-on-function"),
    ("events-1", "GET", "/events"),
    ("two-scopes", "GET", "/two-scopes"),
    ("events-2", "GET", "/events"),
]
