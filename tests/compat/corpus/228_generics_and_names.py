"""Generic models and models of the same name in different scopes (component names)."""

from typing import Generic, TypeVar

from fastapi import FastAPI
from pydantic import BaseModel

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


class User(BaseModel):
    name: str


class Item(BaseModel):
    title: str


class Legacy:
    class Item(BaseModel):
        code: int


app = FastAPI()


@app.get("/users")
def users() -> Page[User]:
    return Page[User](items=[], total=0)


@app.get("/items")
def items() -> Page[Item]:
    return Page[Item](items=[], total=0)


@app.post("/legacy")
def legacy(item: Legacy.Item, other: Item) -> Legacy.Item:
    return item


CASES = [("users", "GET", "/users")]
