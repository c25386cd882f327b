"""Context variables set by dependencies, seen (or not) by endpoints and other dependencies."""

from contextvars import ContextVar
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()
current: ContextVar[str] = ContextVar("current", default="unset")


async def async_setter() -> None:
    current.set("from async dependency")


def sync_setter() -> None:
    current.set("from sync dependency")


def reader() -> str:
    return current.get()


@app.get("/async-dep-sync-endpoint", dependencies=[Depends(async_setter)])
def async_dep_sync_endpoint() -> str:
    return current.get()


@app.get("/async-dep-async-endpoint", dependencies=[Depends(async_setter)])
async def async_dep_async_endpoint() -> str:
    return current.get()


@app.get("/sync-dep-async-endpoint", dependencies=[Depends(sync_setter)])
async def sync_dep_async_endpoint() -> str:
    return current.get()


@app.get("/sync-dep-sync-reader")
def sync_dep_sync_reader(
    _: Annotated[None, Depends(sync_setter)], seen: Annotated[str, Depends(reader)]
) -> list[str]:
    return [seen, current.get()]


CASES = [
    ("async-dep-sync-endpoint", "GET", "/async-dep-sync-endpoint"),
    ("async-dep-async-endpoint", "GET", "/async-dep-async-endpoint"),
    ("sync-dep-async-endpoint", "GET", "/sync-dep-async-endpoint"),
    ("sync-dep-sync-reader", "GET", "/sync-dep-sync-reader"),
]
