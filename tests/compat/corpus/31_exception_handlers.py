"""Custom exception handlers: for an app exception, for a base class, for a status code."""

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse


class ShopError(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


class OutOfStock(ShopError):
    pass


class Unhandled(Exception):
    pass


app = FastAPI()


@app.exception_handler(ShopError)
async def shop_error(request: Request, exc: ShopError) -> JSONResponse:
    return JSONResponse(
        status_code=418,
        content={"message": f"Oops! {exc.name} did something.", "kind": type(exc).__name__},
    )


@app.exception_handler(404)
async def not_found(request: Request, exc: Exception) -> PlainTextResponse:
    return PlainTextResponse(f"nothing at {request.url.path}", status_code=404)


@app.exception_handler(ValueError)
def value_error(request: Request, exc: ValueError) -> JSONResponse:
    return JSONResponse({"value_error": str(exc)}, status_code=400)


@app.get("/shop/{name}")
def shop(name: str) -> None:
    raise ShopError(name)


@app.get("/stock")
async def stock() -> None:
    raise OutOfStock("stock")


@app.get("/missing")
def missing() -> None:
    raise HTTPException(404, "custom 404 detail")


@app.get("/value")
def value() -> None:
    raise ValueError("bad value")


@app.get("/unhandled")
def unhandled() -> None:
    raise Unhandled("no handler")


CASES = [
    ("shop", "GET", "/shop/yolo"),
    ("subclass", "GET", "/stock"),
    ("route-404", "GET", "/nowhere"),
    ("http-exception-404", "GET", "/missing"),
    ("value", "GET", "/value"),
    ("unhandled", "GET", "/unhandled"),
    ("unhandled-raises", "GET", "/unhandled", {"raises": True}),
    ("value-raise-mode-handled", "GET", "/value", {"raises": True}),
]
