"""Overriding the RequestValidationError handler, and reusing FastAPI's default handlers."""

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException


class Item(BaseModel):
    title: str
    size: int


app = FastAPI()
SEEN: list[str] = []


@app.exception_handler(RequestValidationError)
async def validation_handler(request: Request, exc: RequestValidationError) -> Response:
    if request.url.path.startswith("/text"):
        return PlainTextResponse(str(len(exc.errors())) + " errors", status_code=400)
    if request.url.path.startswith("/reuse"):
        SEEN.append(type(exc.body).__name__)
        return await request_validation_exception_handler(request, exc)
    return JSONResponse(
        status_code=422, content=jsonable_encoder({"detail": exc.errors(), "body": exc.body})
    )


@app.exception_handler(StarletteHTTPException)
async def http_handler(request: Request, exc: StarletteHTTPException) -> Response:
    if exc.status_code == 404:
        return await http_exception_handler(request, exc)
    return PlainTextResponse(f"HTTP {exc.status_code}: {exc.detail}", status_code=exc.status_code)


@app.post("/items")
def create(item: Item) -> Item:
    return item


@app.get("/text/{n}")
def text(n: int) -> int:
    return n


@app.get("/reuse/{n}")
def reuse(n: int) -> int:
    return n


@app.get("/seen")
def seen() -> list[str]:
    return SEEN


@app.get("/teapot")
def teapot() -> None:
    raise HTTPException(418, "I am a teapot", headers={"X-Tea": "earl grey"})


CASES = [
    ("body-echoed", "POST", "/items", {"json": {"title": "t", "size": "XL"}}),
    ("body-missing", "POST", "/items"),
    (
        "body-bad-json",
        "POST",
        "/items",
        {"content": b"{x", "headers": {"content-type": "application/json"}},
    ),
    ("text-handler", "GET", "/text/x"),
    ("reuse-default", "GET", "/reuse/x"),
    ("seen", "GET", "/seen"),
    ("not-found-default", "GET", "/nowhere"),
    ("405-through-handler", "POST", "/seen"),
    ("teapot-through-handler", "GET", "/teapot"),
]
