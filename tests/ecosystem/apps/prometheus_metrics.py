"""prometheus-fastapi-instrumentator 8.1: `Instrumentator().instrument(app).expose(app)`
on an app with an included router (nested, with a prefix), a mounted sub-app and a
path parameter; the handler label of every request as its metrics name it."""

import re

from _report import observe, report
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from prometheus_fastapi_instrumentator import Instrumentator

app = FastAPI()
items = APIRouter(prefix="/items", tags=["items"])


@items.get("/{item_id}")
def read_item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}


@items.post("/")
def create_item() -> dict[str, bool]:
    return {"created": True}


v1 = APIRouter(prefix="/v1")
v1.include_router(items)
app.include_router(v1, prefix="/api")


@app.get("/health")
def health() -> str:
    return "ok"


sub = FastAPI()


@sub.get("/leaf")
def leaf() -> str:
    return "leaf"


app.mount("/sub", sub)
Instrumentator().instrument(app).expose(app)
client = TestClient(app)
observed = {
    "item": observe(client.get("/api/v1/items/3")),
    "item invalid": observe(client.get("/api/v1/items/x")),
    "create": observe(client.post("/api/v1/items/")),
    "wrong method": observe(client.put("/api/v1/items/3")),
    "health": observe(client.get("/health")),
    "mounted": observe(client.get("/sub/leaf")),
    "nowhere": observe(client.get("/nowhere")),
}
metrics = client.get("/metrics").text
samples = sorted(
    line
    for line in metrics.splitlines()
    if line.startswith("http_requests_total{") or line.startswith("http_request_size_bytes_count")
)
report(
    {
        **observed,
        "samples": samples,
        "handlers": sorted(set(re.findall(r'handler="([^"]*)"', metrics))),
    }
)
_ = REGISTRY
