"""response_model_exclude_unset, exclude_defaults and exclude_none."""

from fastapi import FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float = 1.0
    tags: list[str] = []


app = FastAPI()

DATA: dict[str, object] = {"name": "a", "description": None, "price": 1.0}


@app.get("/unset", response_model=Item, response_model_exclude_unset=True)
def unset_dict() -> dict[str, object]:
    return DATA


@app.get("/unset-model", response_model_exclude_unset=True)
def unset_model() -> Item:
    return Item(name="a", price=1.0)


@app.get("/defaults", response_model=Item, response_model_exclude_defaults=True)
def defaults() -> dict[str, object]:
    return {**DATA, "tags": ["t"]}


@app.get("/none", response_model=Item, response_model_exclude_none=True)
def none() -> dict[str, object]:
    return DATA


@app.get(
    "/all-three",
    response_model=list[Item],
    response_model_exclude_unset=True,
    response_model_exclude_none=True,
)
def all_three() -> list[object]:
    return [DATA, Item(name="b", description="d"), {"name": "c", "tags": []}]


CASES = [
    ("unset-dict", "GET", "/unset"),
    ("unset-model", "GET", "/unset-model"),
    ("defaults", "GET", "/defaults"),
    ("none", "GET", "/none"),
    ("all-three", "GET", "/all-three"),
]
