"""Handlers for Exception (the 500 handler), for HTTPException, and a sync handler."""

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI()


@app.exception_handler(Exception)
async def on_any(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": type(exc).__name__, "message": str(exc)}, status_code=500)


@app.exception_handler(HTTPException)
async def on_http(request: Request, exc: HTTPException) -> PlainTextResponse:
    return PlainTextResponse(
        f"HTTPException handler {exc.status_code}", status_code=exc.status_code
    )


@app.exception_handler(RequestValidationError)
def on_validation(request: Request, exc: RequestValidationError) -> PlainTextResponse:
    return PlainTextResponse(f"sync handler: {len(exc.errors())}", status_code=400)


@app.get("/crash")
def crash() -> None:
    raise KeyError("missing key")


@app.get("/http")
def http() -> None:
    raise HTTPException(409)


@app.get("/n/{n}")
def n(n: int) -> int:
    return n


CASES = [
    ("crash", "GET", "/crash"),
    ("crash-raises", "GET", "/crash", {"raises": True}),
    ("http", "GET", "/http"),
    ("routing-404-not-handled", "GET", "/nowhere"),
    ("routing-405", "POST", "/http"),
    ("validation", "GET", "/n/x"),
]
