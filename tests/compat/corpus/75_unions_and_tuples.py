"""Unions in bodies and responses, tuple query parameters, discriminated unions."""

from typing import Annotated, Literal

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field


class Cat(BaseModel):
    kind: Literal["cat"]
    meows: int


class Dog(BaseModel):
    kind: Literal["dog"]
    barks: float


Pet = Annotated[Cat | Dog, Field(discriminator="kind")]

app = FastAPI()


@app.post("/pet")
def pet(pet: Pet) -> Pet:
    return pet


@app.post("/plain-union")
def plain_union(value: Cat | Dog) -> dict[str, str]:
    return {"type": type(value).__name__}


@app.get("/pair")
def pair(p: Annotated[tuple[int, str], Query()]) -> list[object]:
    return list(p)


@app.get("/response-union", response_model=Cat | Dog)
def response_union(kind: str) -> dict[str, object]:
    return {"kind": kind, "meows": 1, "barks": 2}


CASES = [
    ("cat", "POST", "/pet", {"json": {"kind": "cat", "meows": 3}}),
    ("dog", "POST", "/pet", {"json": {"kind": "dog", "barks": 1.5}}),
    ("unknown-kind", "POST", "/pet", {"json": {"kind": "cow"}}),
    ("missing-kind", "POST", "/pet", {"json": {"meows": 1}}),
    ("plain-union-dog", "POST", "/plain-union", {"json": {"kind": "dog", "barks": 1}}),
    ("plain-union-bad", "POST", "/plain-union", {"json": {"kind": "x"}}),
    ("pair", "GET", "/pair?p=1&p=a"),
    ("pair-short", "GET", "/pair?p=1"),
    ("pair-bad", "GET", "/pair?p=x&p=a"),
    ("response-cat", "GET", "/response-union?kind=cat"),
    ("response-dog", "GET", "/response-union?kind=dog"),
    ("response-bad", "GET", "/response-union?kind=cow"),
]
