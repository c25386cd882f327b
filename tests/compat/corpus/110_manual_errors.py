"""Errors raised by hand: RequestValidationError, pydantic's ValidationError, subclasses."""

from fastapi import FastAPI, HTTPException
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel


class Item(BaseModel):
    n: int


class Conflict(HTTPException):
    def __init__(self, what: str) -> None:
        super().__init__(status_code=409, detail={"conflict": what})


app = FastAPI()


@app.get("/manual-422")
def manual_422() -> None:
    raise RequestValidationError(
        [{"type": "custom", "loc": ("query", "x"), "msg": "Custom check failed", "input": 1}]
    )


@app.get("/pydantic-error")
def pydantic_error() -> None:
    Item.model_validate({"n": "x"})


@app.get("/conflict")
def conflict() -> None:
    raise Conflict("name taken")


@app.get("/group")
def group() -> None:
    raise ExceptionGroup("several", [ValueError("a"), KeyError("b")])


CASES = [
    ("manual-422", "GET", "/manual-422"),
    ("pydantic-error", "GET", "/pydantic-error"),
    ("pydantic-error-raises", "GET", "/pydantic-error", {"raises": True}),
    ("conflict", "GET", "/conflict"),
    ("group", "GET", "/group"),
    ("group-raises", "GET", "/group", {"raises": True}),
]
