"""Nested include_router, and routes and routers added to a nested router after inclusion."""

from fastapi import APIRouter, FastAPI, Request

app = FastAPI()
outer = APIRouter(prefix="/outer")
inner = APIRouter(prefix="/inner")


@inner.get("/leaf/{n}")
def leaf(n: int, request: Request) -> dict[str, object]:
    return {"n": n, "path": request.url.path}


outer.include_router(inner)
app.include_router(outer, prefix="/api")


@inner.get("/late-leaf")
def late_leaf() -> str:
    return "late in a nested router"


late_router = APIRouter(prefix="/later")


@late_router.get("/x")
def later_x() -> str:
    return "a router included into an already included router"


outer.include_router(late_router)

CASES = [
    ("leaf", "GET", "/api/outer/inner/leaf/3"),
    ("leaf-bad", "GET", "/api/outer/inner/leaf/x"),
    ("leaf-without-api", "GET", "/outer/inner/leaf/3"),
    ("late-leaf", "GET", "/api/outer/inner/late-leaf"),
    ("later-x", "GET", "/api/outer/later/x"),
]
