"""A lifespan yielding state, router lifespans, and request.state from the lifespan."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request

EVENTS: list[str] = []


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, object]]:
    EVENTS.append("app startup")
    yield {"model": "loaded", "shared": "app"}
    EVENTS.append("app shutdown")


@asynccontextmanager
async def router_lifespan(app: FastAPI) -> AsyncIterator[dict[str, object]]:
    EVENTS.append("router startup")
    yield {"router_thing": 1, "shared": "router"}
    EVENTS.append("router shutdown")


app = FastAPI(lifespan=lifespan)
router = APIRouter(lifespan=router_lifespan)


@router.get("/state")
def state(request: Request) -> dict[str, object]:
    return {
        "model": request.state.model,
        "router_thing": request.state.router_thing,
        "shared": request.state.shared,
    }


@app.get("/events")
def events() -> list[str]:
    return EVENTS


app.include_router(router)

LIFESPAN = True

CASES = [
    ("state", "GET", "/state"),
    ("events", "GET", "/events"),
]
