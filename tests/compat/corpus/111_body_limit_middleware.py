"""max_body_size when a middleware reads the body first (BaseHTTPMiddleware, a function one)."""

from typing import Annotated

from fastapi import Body, FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware


class ReadsBody(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):  # type: ignore[no-untyped-def]
        if request.url.path.startswith("/class"):
            await request.body()
        return await call_next(request)


app = FastAPI(max_body_size=100)
app.add_middleware(ReadsBody)


@app.middleware("http")
async def reads_too(request: Request, call_next):  # type: ignore[no-untyped-def]
    if request.url.path.startswith("/function"):
        body = await request.body()
        response = await call_next(request)
        response.headers["x-read"] = str(len(body))
        return response
    return await call_next(request)


@app.post("/class/r10", max_body_size=10)
@app.post("/function/r10", max_body_size=10)
def r10(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


@app.post("/class/app")
@app.post("/function/app")
def at_app(b: Annotated[bytes, Body()] = b"") -> int:
    return len(b)


CASES = [
    (
        "class-r10-5",
        "POST",
        "/class/r10",
        {"content": b"xxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "class-r10-50",
        "POST",
        "/class/r10",
        {
            "content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-r10-150",
        "POST",
        "/class/r10",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-r10-streamed-50",
        "POST",
        "/class/r10",
        {
            "content": [b"xxxxxxxxxxxxxxxxxxxxxxxxx", b"xxxxxxxxxxxxxxxxxxxxxxxxx"],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-r10-streamed-150",
        "POST",
        "/class/r10",
        {
            "content": [
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            ],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-app-5",
        "POST",
        "/class/app",
        {"content": b"xxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "class-app-50",
        "POST",
        "/class/app",
        {
            "content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-app-150",
        "POST",
        "/class/app",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-app-streamed-50",
        "POST",
        "/class/app",
        {
            "content": [b"xxxxxxxxxxxxxxxxxxxxxxxxx", b"xxxxxxxxxxxxxxxxxxxxxxxxx"],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "class-app-streamed-150",
        "POST",
        "/class/app",
        {
            "content": [
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            ],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-r10-5",
        "POST",
        "/function/r10",
        {"content": b"xxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "function-r10-50",
        "POST",
        "/function/r10",
        {
            "content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-r10-150",
        "POST",
        "/function/r10",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-r10-streamed-50",
        "POST",
        "/function/r10",
        {
            "content": [b"xxxxxxxxxxxxxxxxxxxxxxxxx", b"xxxxxxxxxxxxxxxxxxxxxxxxx"],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-r10-streamed-150",
        "POST",
        "/function/r10",
        {
            "content": [
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            ],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-app-5",
        "POST",
        "/function/app",
        {"content": b"xxxxx", "headers": {"content-type": "text/plain"}},
    ),
    (
        "function-app-50",
        "POST",
        "/function/app",
        {
            "content": b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-app-150",
        "POST",
        "/function/app",
        {
            "content": (
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            ),
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-app-streamed-50",
        "POST",
        "/function/app",
        {
            "content": [b"xxxxxxxxxxxxxxxxxxxxxxxxx", b"xxxxxxxxxxxxxxxxxxxxxxxxx"],
            "headers": {"content-type": "text/plain"},
        },
    ),
    (
        "function-app-streamed-150",
        "POST",
        "/function/app",
        {
            "content": [
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                (b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            ],
            "headers": {"content-type": "text/plain"},
        },
    ),
]
