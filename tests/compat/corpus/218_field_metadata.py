"""Model field metadata in schemas: examples, json_schema_extra, deprecated, aliases,
constraints, descriptions, model_config json_schema_extra, docstrings."""

from typing import Annotated

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field


class Item(BaseModel):
    """An item for sale."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Foo", "price": 3.5}]})

    name: str = Field(min_length=1, max_length=50, examples=["Foo"], description="Name")
    price: float = Field(gt=0, le=1000, json_schema_extra={"x-unit": "EUR"})
    code: str = Field(alias="itemCode", pattern=r"^[A-Z]+$", default="A")
    old: int | None = Field(default=None, deprecated=True)
    ratio: Annotated[float, Field(multiple_of=0.5)] = 1.0


app = FastAPI()


@app.post("/items")
def create(item: Item) -> Item:
    return item


CASES = [("create", "POST", "/items", {"json": {"name": "a", "price": 1}})]
