"""Callbacks given to include_router and to an APIRouter apply to its operations."""

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel


class Event(BaseModel):
    name: str


hooks = APIRouter()


@hooks.post("{$request.query.url}/events")
def event_callback(body: Event) -> None:
    pass


status_hooks = APIRouter()


@status_hooks.get("{$request.query.url}/status")
def status_callback() -> str:
    return "ok"


app = FastAPI()
router = APIRouter(callbacks=status_hooks.routes)


@router.post("/subscribe")
def subscribe(url: str) -> str:
    return url


app.include_router(router, prefix="/v1", callbacks=hooks.routes)
CASES = [("subscribe", "POST", "/v1/subscribe?url=x")]
