"""fastapi-cache2 (`@cache` with the in-memory backend, ETag, HIT/MISS, no-cache),
slowapi (`@limiter.limit` with its middleware and handler), asgi-correlation-id's
middleware and fastapi-utils' class-based views, in one app."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from _report import observe, report
from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import Depends, FastAPI, Query, Request
from fastapi.testclient import TestClient
from fastapi_cache import FastAPICache
from fastapi_cache.backends.inmemory import InMemoryBackend
from fastapi_cache.decorator import cache
from fastapi_utils.cbv import cbv
from fastapi_utils.inferring_router import InferringRouter
from pydantic import BaseModel
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.middleware import SlowAPIMiddleware
from slowapi.util import get_remote_address

CALLS = {"n": 0}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    FastAPICache.init(InMemoryBackend(), prefix="test")
    yield


limiter = Limiter(key_func=get_remote_address)
app = FastAPI(lifespan=lifespan)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)  # type: ignore[arg-type]
app.add_middleware(SlowAPIMiddleware)
app.add_middleware(CorrelationIdMiddleware)


class Item(BaseModel):
    name: str
    price: float


@app.get("/cached")
@cache(expire=60)
async def cached(q: int = Query(0)) -> dict[str, int]:
    CALLS["n"] += 1
    return {"q": q, "calls": CALLS["n"]}


@app.get("/cached-model", response_model=Item)
@cache(expire=60)
async def cached_model(name: str = "x") -> Item:
    return Item(name=name, price=1.5)


@app.get("/limited")
@limiter.limit("2/minute")
async def limited(request: Request) -> dict[str, bool]:
    return {"ok": True}


def get_db() -> str:
    return "db"


router = InferringRouter()


@cbv(router)
class ItemsView:
    db: str = Depends(get_db)

    def __init__(self, x_token: str = "none") -> None:
        self.token = x_token

    @router.get("/items/{item_id}")
    def get_item(self, item_id: int) -> Item:
        return Item(name=f"{self.db}-{item_id}-{self.token}", price=2.0)

    @router.post("/items")
    def create(self, item: Item) -> Item:
        return item


app.include_router(router)
cache_headers = ("x-fastapi-cache", "cache-control", "etag")
observations: dict[str, Any] = {}
with TestClient(app) as client:
    observations.update(
        {
            "miss": observe(client.get("/cached?q=1"), *cache_headers),
            "hit": observe(client.get("/cached?q=1"), *cache_headers),
            "other key": observe(client.get("/cached?q=2"), *cache_headers),
            "model miss": observe(client.get("/cached-model?name=a"), *cache_headers),
            "model hit": observe(client.get("/cached-model?name=a"), *cache_headers),
            "no-cache": observe(
                client.get("/cached?q=1", headers={"cache-control": "no-cache"}), *cache_headers
            ),
            "limited": [observe(client.get("/limited")) for _ in range(3)],
            "correlation id echoed": client.get(
                "/limited", headers={"x-request-id": "a" * 32}
            ).headers.get("x-request-id"),
            "cbv": observe(client.get("/items/3?x_token=t")),
            "cbv 422": observe(client.get("/items/x")),
            "cbv post": observe(client.post("/items", json={"name": "n", "price": 3})),
            "cbv post 422": observe(client.post("/items", json={"name": "n"})),
            "openapi": client.get("/openapi.json").text,
        }
    )
report(observations)
