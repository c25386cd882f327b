"""max_body_size on the app, on a router, on include_router and on a route (FastAPI 0.164)."""

from typing import Annotated

from fastapi import APIRouter, Body, FastAPI

app = FastAPI(max_body_size=10)
router = APIRouter(max_body_size=20)
big = APIRouter()


@app.post("/app")
def app_limit(data: Annotated[object, Body()] = None) -> object:
    return data


@app.post("/route", max_body_size=5)
def route_limit(data: Annotated[object, Body()] = None) -> object:
    return data


@app.post("/route-bigger", max_body_size=100)
def route_bigger(data: Annotated[object, Body()] = None) -> object:
    return data


@router.post("/router")
def router_limit(data: Annotated[object, Body()] = None) -> object:
    return data


@big.post("/include")
def include_limit(data: Annotated[object, Body()] = None) -> object:
    return data


@app.post("/zero", max_body_size=0)
def zero() -> str:
    return "empty only"


app.include_router(router, prefix="/r")
app.include_router(big, prefix="/b", max_body_size=30)

JSON = {"content-type": "application/json"}

CASES = [
    ("app-ok", "POST", "/app", {"content": b'"123456"', "headers": JSON}),
    ("app-exact", "POST", "/app", {"content": b'"12345678"', "headers": JSON}),
    ("app-over", "POST", "/app", {"content": b'"123456789"', "headers": JSON}),
    ("app-over-chunked", "POST", "/app", {"content": [b'"1234', b'56789"'], "headers": JSON}),
    ("app-ok-chunked", "POST", "/app", {"content": [b'"12', b'34"'], "headers": JSON}),
    ("route-over", "POST", "/route", {"content": b'"12345"', "headers": JSON}),
    (
        "route-bigger",
        "POST",
        "/route-bigger",
        {"content": b'"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', "headers": JSON},
    ),
    ("router-ok", "POST", "/r/router", {"content": b'"xxxxxxxxxxxxxxx"', "headers": JSON}),
    (
        "router-over",
        "POST",
        "/r/router",
        {"content": b'"xxxxxxxxxxxxxxxxxxxxxxxxx"', "headers": JSON},
    ),
    (
        "include-ok",
        "POST",
        "/b/include",
        {"content": b'"xxxxxxxxxxxxxxxxxxxxxxxxx"', "headers": JSON},
    ),
    (
        "include-over",
        "POST",
        "/b/include",
        {"content": b'"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', "headers": JSON},
    ),
    ("zero-empty", "POST", "/zero"),
    ("zero-one-byte", "POST", "/zero", {"content": b"x"}),
    ("query-not-counted", "POST", "/app?x=yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"),
]
