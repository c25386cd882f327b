"""A JSON body: one model, nested models, optional fields, validation errors."""

from fastapi import FastAPI
from pydantic import BaseModel, Field


class Image(BaseModel):
    url: str
    name: str


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float = Field(gt=0)
    tax: float | None = None
    tags: set[str] = set()
    image: Image | None = None


app = FastAPI()


@app.post("/items")
async def create_item(item: Item) -> dict[str, object]:
    total = item.price + (item.tax or 0)
    return {"item": item, "total": total}


@app.put("/items/{item_id}")
def update_item(item_id: int, item: Item) -> dict[str, object]:
    return {"item_id": item_id, **item.model_dump()}


CASES = [
    ("ok", "POST", "/items", {"json": {"name": "a", "price": 2.5, "tax": 0.5}}),
    (
        "nested",
        "POST",
        "/items",
        {"json": {"name": "a", "price": 1, "image": {"url": "u", "name": "n"}, "tags": ["x", "x"]}},
    ),
    ("nested-bad", "POST", "/items", {"json": {"name": "a", "price": 1, "image": {"url": 3}}}),
    ("missing-fields", "POST", "/items", {"json": {}}),
    ("wrong-types", "POST", "/items", {"json": {"name": 1, "price": "free", "tags": "x"}}),
    ("price-zero", "POST", "/items", {"json": {"name": "a", "price": 0}}),
    ("not-object", "POST", "/items", {"json": [1, 2]}),
    ("string-body", "POST", "/items", {"json": "text"}),
    ("extra-ignored", "POST", "/items", {"json": {"name": "a", "price": 1, "x": 1}}),
    ("no-body", "POST", "/items"),
    ("put-ok", "PUT", "/items/3", {"json": {"name": "b", "price": 3}}),
    ("put-bad-path-and-body", "PUT", "/items/x", {"json": {"name": "b"}}),
]
