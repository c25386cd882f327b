"""max_body_size through nested inclusions: the innermost setting wins."""

from typing import Annotated

from fastapi import APIRouter, Body, FastAPI


def endpoint(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


def build(a_own: int | None, a_include: int | None, b_include: int | None) -> APIRouter:
    outer, inner = APIRouter(max_body_size=a_own), APIRouter()
    inner.add_api_route("/x", endpoint, methods=["POST"])
    outer.include_router(inner, prefix="/b", max_body_size=b_include)
    wrapper = APIRouter()
    wrapper.include_router(outer, prefix="/a", max_body_size=a_include)
    return wrapper


app = FastAPI()
app.include_router(build(10, 20, None), prefix="/one")
app.include_router(build(10, 20, 30), prefix="/two")
app.include_router(build(None, 20, None), prefix="/three")
app.include_router(build(30, 10, None), prefix="/four")

CASES = [
    (
        "one-10",
        "POST",
        "/one/a/b/x",
        {"content": b"xxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "one-11",
        "POST",
        "/one/a/b/x",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "one-20",
        "POST",
        "/one/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "one-21",
        "POST",
        "/one/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "one-30",
        "POST",
        "/one/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "one-31",
        "POST",
        "/one/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "two-10",
        "POST",
        "/two/a/b/x",
        {"content": b"xxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "two-11",
        "POST",
        "/two/a/b/x",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "two-20",
        "POST",
        "/two/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "two-21",
        "POST",
        "/two/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "two-30",
        "POST",
        "/two/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "two-31",
        "POST",
        "/two/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "three-10",
        "POST",
        "/three/a/b/x",
        {"content": b"xxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "three-11",
        "POST",
        "/three/a/b/x",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "three-20",
        "POST",
        "/three/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "three-21",
        "POST",
        "/three/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "three-30",
        "POST",
        "/three/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "three-31",
        "POST",
        "/three/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "four-10",
        "POST",
        "/four/a/b/x",
        {"content": b"xxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "four-11",
        "POST",
        "/four/a/b/x",
        {"content": b"xxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "four-20",
        "POST",
        "/four/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "four-21",
        "POST",
        "/four/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "four-30",
        "POST",
        "/four/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "four-31",
        "POST",
        "/four/a/b/x",
        {"content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "headers": {"content-type": "text/plain"}},
    ),
]
