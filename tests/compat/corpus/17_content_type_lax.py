"""strict_content_type=False on the app, on a router and on a route."""

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI(strict_content_type=False)
strict_router = APIRouter(strict_content_type=True)
lax_router = APIRouter(strict_content_type=False)


@app.post("/app-lax")
def app_lax(item: Item) -> Item:
    return item


@strict_router.post("/router-strict")
def router_strict(item: Item) -> Item:
    return item


def route_lax(item: Item) -> Item:
    return item


strict_router.add_api_route("/route-lax", route_lax, methods=["POST"], strict_content_type=False)


@lax_router.post("/router-lax")
def router_lax(item: Item) -> Item:
    return item


app.include_router(strict_router, prefix="/s")
strict_app = FastAPI()
strict_app.include_router(lax_router)
app.mount("/inner", strict_app)

BODY = b'{"name":"a"}'

CASES = [
    ("app-lax-missing-ct", "POST", "/app-lax", {"content": BODY}),
    (
        "app-lax-text",
        "POST",
        "/app-lax",
        {"content": BODY, "headers": {"content-type": "text/plain"}},
    ),
    (
        "app-lax-json",
        "POST",
        "/app-lax",
        {"content": BODY, "headers": {"content-type": "application/json"}},
    ),
    ("router-strict-missing-ct", "POST", "/s/router-strict", {"content": BODY}),
    ("route-lax-missing-ct", "POST", "/s/route-lax", {"content": BODY}),
    (
        "route-lax-form",
        "POST",
        "/s/route-lax",
        {"content": BODY, "headers": {"content-type": "application/x-www-form-urlencoded"}},
    ),
    ("router-lax-in-strict-app", "POST", "/inner/router-lax", {"content": BODY}),
    ("app-lax-bad-json-missing-ct", "POST", "/app-lax", {"content": b"{nope"}),
]
