"""response_model with include, exclude and by_alias; filtering of returned data."""

from fastapi import FastAPI
from pydantic import BaseModel, Field


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float = 10.5
    internal_code: str = Field("x", alias="internalCode")


class PublicItem(BaseModel):
    name: str
    price: float


app = FastAPI()

ITEM = {"name": "Foo", "price": 50.2, "internalCode": "c1", "secret": "s"}


@app.get("/include", response_model=Item, response_model_include={"name", "description"})
def include() -> dict[str, object]:
    return ITEM


@app.get("/exclude", response_model=Item, response_model_exclude={"tax"})
def exclude() -> dict[str, object]:
    return ITEM


@app.get("/alias", response_model=Item)
def alias() -> dict[str, object]:
    return ITEM


@app.get("/no-alias", response_model=Item, response_model_by_alias=False)
def no_alias() -> dict[str, object]:
    return ITEM


@app.get("/public", response_model=PublicItem)
def public() -> Item:
    return Item.model_validate(ITEM)


@app.get("/list-include", response_model=list[Item], response_model_include={"name"})
def list_include() -> list[dict[str, object]]:
    return [ITEM, {"name": "Bar", "price": 1}]


CASES = [
    ("include", "GET", "/include"),
    ("exclude", "GET", "/exclude"),
    ("alias", "GET", "/alias"),
    ("no-alias", "GET", "/no-alias"),
    ("public", "GET", "/public"),
    ("list-include", "GET", "/list-include"),
]
