"""Yield dependencies: setup failures, endpoint exceptions seen by the dependency, order."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()
EVENTS: list[str] = []


class EndpointError(Exception):
    pass


def resource() -> Iterator[str]:
    EVENTS.append("resource setup")
    try:
        yield "resource"
    except EndpointError as exc:
        EVENTS.append(f"resource saw {exc}")
        raise HTTPException(status_code=409, detail=f"converted: {exc}") from exc
    except HTTPException as exc:
        EVENTS.append(f"resource saw http {exc.status_code}")
        raise
    finally:
        EVENTS.append("resource teardown")


async def failing_setup() -> AsyncIterator[None]:
    EVENTS.append("failing setup")
    if EVENTS:
        raise HTTPException(status_code=503, detail="setup failed")
    yield


def swallowing() -> Iterator[None]:
    try:
        yield
    except ValueError:
        EVENTS.append("swallowed ValueError")


@app.get("/ok")
def ok(r: Annotated[str, Depends(resource)]) -> str:
    EVENTS.append("endpoint")
    return r


@app.get("/endpoint-error")
def endpoint_error(r: Annotated[str, Depends(resource)]) -> None:
    raise EndpointError("boom")


@app.get("/endpoint-http")
def endpoint_http(r: Annotated[str, Depends(resource)]) -> None:
    raise HTTPException(status_code=404, detail="nope")


@app.get("/setup-fails")
def setup_fails(
    r: Annotated[str, Depends(resource)], f: Annotated[None, Depends(failing_setup)]
) -> str:
    return "unreachable"


@app.get("/swallowed")
def swallowed(s: Annotated[None, Depends(swallowing)]) -> None:
    raise ValueError("lost")


@app.get("/events")
def events() -> list[str]:
    copy = list(EVENTS)
    EVENTS.clear()
    return copy


CASES = [
    ("ok", "GET", "/ok"),
    ("events-ok", "GET", "/events"),
    ("endpoint-error", "GET", "/endpoint-error"),
    ("events-endpoint-error", "GET", "/events"),
    ("endpoint-http", "GET", "/endpoint-http"),
    ("events-endpoint-http", "GET", "/events"),
    ("setup-fails", "GET", "/setup-fails"),
    ("events-setup-fails", "GET", "/events"),
    ("swallowed", "GET", "/swallowed"),
    ("swallowed-raises", "GET", "/swallowed", {"raises": True}),
    ("events-swallowed", "GET", "/events"),
]
