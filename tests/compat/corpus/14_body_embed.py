"""Body(embed=True), several body parameters, and scalar Body() parameters."""

from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float


class User(BaseModel):
    username: str


app = FastAPI()


@app.post("/embed")
def embed(item: Annotated[Item, Body(embed=True)]) -> Item:
    return item


@app.post("/two")
def two(item: Item, user: User) -> dict[str, object]:
    return {"item": item, "user": user}


@app.post("/three")
def three(item: Item, user: User, importance: Annotated[int, Body(gt=0)]) -> dict[str, object]:
    return {"item": item, "user": user, "importance": importance}


@app.post("/scalar")
def scalar(count: Annotated[int, Body()]) -> int:
    return count + 1


@app.post("/scalar-embed")
def scalar_embed(
    name: Annotated[str, Body(embed=True)], note: Annotated[str, Body()] = "-"
) -> list[str]:
    return [name, note]


@app.post("/alias")
def alias(item: Annotated[Item, Body(alias="the-item", embed=True)]) -> Item:
    return item


CASES = [
    ("embed", "POST", "/embed", {"json": {"item": {"name": "a", "price": 1}}}),
    ("embed-flat", "POST", "/embed", {"json": {"name": "a", "price": 1}}),
    ("embed-bad", "POST", "/embed", {"json": {"item": {"name": "a"}}}),
    ("embed-missing", "POST", "/embed"),
    (
        "two",
        "POST",
        "/two",
        {"json": {"item": {"name": "a", "price": 1}, "user": {"username": "u"}}},
    ),
    ("two-missing-user", "POST", "/two", {"json": {"item": {"name": "a", "price": 1}}}),
    ("two-all-missing", "POST", "/two", {"json": {}}),
    ("two-no-body", "POST", "/two"),
    ("two-list", "POST", "/two", {"json": [1]}),
    (
        "three",
        "POST",
        "/three",
        {"json": {"item": {"name": "a", "price": 1}, "user": {"username": "u"}, "importance": 5}},
    ),
    (
        "three-bad",
        "POST",
        "/three",
        {"json": {"item": {"price": "x"}, "user": {}, "importance": 0}},
    ),
    ("scalar", "POST", "/scalar", {"json": 41}),
    ("scalar-string-number", "POST", "/scalar", {"json": "41"}),
    ("scalar-object", "POST", "/scalar", {"json": {"count": 41}}),
    ("scalar-embed", "POST", "/scalar-embed", {"json": {"name": "n"}}),
    ("scalar-embed-both", "POST", "/scalar-embed", {"json": {"name": "n", "note": "x"}}),
    ("scalar-embed-missing", "POST", "/scalar-embed", {"json": {"note": "x"}}),
    ("alias", "POST", "/alias", {"json": {"the-item": {"name": "a", "price": 2}}}),
    ("alias-by-name", "POST", "/alias", {"json": {"item": {"name": "a", "price": 2}}}),
]
