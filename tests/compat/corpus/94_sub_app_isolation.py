"""A mounted FastAPI sub-app keeps its own handlers, overrides and middleware."""

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import PlainTextResponse


def who() -> str:
    return "real"


class Boom(Exception):
    pass


app = FastAPI()
sub = FastAPI()


@app.exception_handler(Boom)
async def parent_boom(request: Request, exc: Boom) -> PlainTextResponse:
    return PlainTextResponse("parent handled", status_code=418)


@sub.exception_handler(HTTPException)
async def sub_http(request: Request, exc: HTTPException) -> PlainTextResponse:
    return PlainTextResponse(f"sub {exc.status_code}", status_code=exc.status_code)


@sub.middleware("http")
async def sub_mw(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers["X-Sub"] = "1"
    return response


@app.get("/who")
def parent_who(w: Annotated[str, Depends(who)]) -> str:
    return w


@sub.get("/who")
def sub_who(w: Annotated[str, Depends(who)]) -> str:
    return w


@sub.get("/boom")
def sub_boom() -> None:
    raise Boom()


@sub.get("/http")
def sub_http_route() -> None:
    raise HTTPException(403)


@app.get("/http")
def parent_http() -> None:
    raise HTTPException(403)


app.dependency_overrides[who] = lambda: "parent override"
sub.dependency_overrides[who] = lambda: "sub override"
app.mount("/sub", sub)

CASES = [
    ("parent-who", "GET", "/who"),
    ("sub-who", "GET", "/sub/who"),
    ("sub-boom", "GET", "/sub/boom"),
    ("sub-boom-raises", "GET", "/sub/boom", {"raises": True}),
    ("sub-http", "GET", "/sub/http"),
    ("parent-http", "GET", "/http"),
    ("sub-404", "GET", "/sub/none"),
]
