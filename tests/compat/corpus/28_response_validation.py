"""ResponseValidationError: 500 without a handler, its str() when raised, and a handler."""

from fastapi import FastAPI, Request
from fastapi.exceptions import ResponseValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float


app = FastAPI()


@app.get("/bad-dict")
def bad_dict() -> Item:
    return {"name": "a", "price": "free"}  # type: ignore[return-value]


@app.get("/bad-list", response_model=list[Item])
def bad_list() -> object:
    return [{"name": "a", "price": 1}, {"price": 2}]


@app.get("/bad-int")
def bad_int() -> int:
    return "nope"  # type: ignore[return-value]


handled = FastAPI()


@handled.exception_handler(ResponseValidationError)
async def on_response_error(request: Request, exc: ResponseValidationError) -> JSONResponse:
    return JSONResponse(
        {"errors": exc.errors(), "body": exc.body, "count": len(exc.errors())}, status_code=502
    )


@handled.get("/bad")
def handled_bad() -> Item:
    return {"name": 3}  # type: ignore[return-value]


app.mount("/handled", handled)

CASES = [
    ("bad-dict", "GET", "/bad-dict"),
    ("bad-dict-raises", "GET", "/bad-dict", {"raises": True}),
    ("bad-list", "GET", "/bad-list"),
    ("bad-list-raises", "GET", "/bad-list", {"raises": True}),
    ("bad-int-raises", "GET", "/bad-int", {"raises": True}),
    ("handled", "GET", "/handled/bad"),
]
