"""Exceptions raised after yield: function scope shapes the response, request scope cannot."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()
EVENTS: list[str] = []


def function_scoped() -> Iterator[str]:
    yield "f"
    EVENTS.append("function teardown")
    raise HTTPException(status_code=503, detail="function cleanup failed")


def request_scoped() -> Iterator[str]:
    yield "r"
    EVENTS.append("request teardown")
    raise HTTPException(status_code=503, detail="request cleanup failed")


def request_scoped_error() -> Iterator[str]:
    yield "e"
    EVENTS.append("request teardown error")
    raise RuntimeError("cleanup crashed")


@app.get("/function")
def function(v: Annotated[str, Depends(function_scoped, scope="function")]) -> str:
    EVENTS.append("endpoint")
    return v


@app.get("/request")
def request(v: Annotated[str, Depends(request_scoped, scope="request")]) -> str:
    return v


@app.get("/default-scope")
def default_scope(v: Annotated[str, Depends(request_scoped)]) -> str:
    return v


@app.get("/runtime")
def runtime(v: Annotated[str, Depends(request_scoped_error)]) -> str:
    return v


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("function", "GET", "/function"),
    ("events-function", "GET", "/events"),
    ("request", "GET", "/request"),
    ("request-raises", "GET", "/request", {"raises": True}),
    ("events-request", "GET", "/events"),
    ("default-scope", "GET", "/default-scope"),
    ("runtime", "GET", "/runtime"),
    ("runtime-raises", "GET", "/runtime", {"raises": True}),
    ("events-runtime", "GET", "/events"),
]
