"""Returning response-model instances: mutated instances, generic models, subclass filtering."""

from typing import Generic, TypeVar

from fastapi import FastAPI
from pydantic import BaseModel

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


class User(BaseModel):
    name: str
    age: int


class Admin(User):
    level: int


app = FastAPI()


@app.get("/page")
def page() -> Page[User]:
    return Page[User](items=[User(name="a", age=1), Admin(name="b", age=2, level=9)], total=2)


@app.get("/page-dict", response_model=Page[int])
def page_dict() -> object:
    return {"items": ["1", 2], "total": "2"}


@app.get("/mutated")
def mutated() -> User:
    user = User(name="c", age=3)
    user.age = "not a number"  # type: ignore[assignment]
    return user


@app.get("/page-bad", response_model=Page[int])
def page_bad() -> object:
    return {"items": ["x"], "total": 1}


CASES = [
    ("page", "GET", "/page"),
    ("page-dict", "GET", "/page-dict"),
    ("mutated", "GET", "/mutated"),
    ("page-bad", "GET", "/page-bad"),
]
