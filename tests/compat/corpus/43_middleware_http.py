"""@app.middleware("http"): adding headers, short-circuiting, seeing errors."""

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import JSONResponse

app = FastAPI()


@app.middleware("http")
async def add_process_header(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    if request.headers.get("x-block") == "1":
        return JSONResponse({"blocked": True}, status_code=403)
    response = await call_next(request)
    response.headers["X-Processed"] = "yes"
    response.headers["X-Path"] = request.url.path
    return response


@app.middleware("http")
async def outer(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.append("X-Order", "outer")
    return response


@app.get("/hello")
def hello() -> dict[str, str]:
    return {"hello": "world"}


@app.get("/http-error")
def http_error() -> None:
    raise HTTPException(404, "missing")


@app.get("/crash")
def crash() -> None:
    raise RuntimeError("crash")


@app.get("/bad-param")
def bad_param(n: int) -> int:
    return n


CASES = [
    ("hello", "GET", "/hello"),
    ("blocked", "GET", "/hello", {"headers": {"X-Block": "1"}}),
    ("http-error", "GET", "/http-error"),
    ("not-found", "GET", "/nowhere"),
    ("bad-param", "GET", "/bad-param?n=x"),
    ("crash", "GET", "/crash"),
    ("crash-raises", "GET", "/crash", {"raises": True}),
]
