"""max_body_size on routers and inclusions, a router included twice with different limits."""

from typing import Annotated

from fastapi import APIRouter, Body, FastAPI

router = APIRouter(max_body_size=20)


@router.post("/x")
def x(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


@router.post("/route", max_body_size=3)
def route(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


plain = APIRouter()


@plain.post("/y")
def y(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


plain.add_api_route("/z", y, methods=["POST"], max_body_size=6)

app = FastAPI(max_body_size=10)
app.include_router(router, prefix="/own", max_body_size=30)
app.include_router(plain, prefix="/inc30", max_body_size=30)
app.include_router(plain, prefix="/inc4", max_body_size=4)
app.include_router(plain, prefix="/app")

CASES = [
    (
        "router-own-20",
        "POST",
        "/own/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "router-own-over-include",
        "POST",
        "/own/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "route-over-router",
        "POST",
        "/own/route",
        {"content": b"xxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "include-30",
        "POST",
        "/inc30/y",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "include-30-over",
        "POST",
        "/inc30/y",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "include-4",
        "POST",
        "/inc4/y",
        {"content": b"xxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "include-4-over",
        "POST",
        "/inc4/y",
        {"content": b"xxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "include-4-streamed",
        "POST",
        "/inc4/y",
        {"content": [b"xxx", b"xxx"], "headers": {"content-type": "text/plain"}},
    ),
    (
        "app-10",
        "POST",
        "/app/y",
        {"content": b"xxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "app-10-over",
        "POST",
        "/app/y",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "route-6-in-include-4",
        "POST",
        "/inc4/z",
        {"content": b"xxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "route-6-over",
        "POST",
        "/inc30/z",
        {"content": b"xxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
]
