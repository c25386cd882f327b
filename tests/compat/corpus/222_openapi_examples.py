"""openapi_examples and examples on parameters and bodies; the deprecated `example`."""

from typing import Annotated

from fastapi import Body, FastAPI, Header, Path, Query
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float


app = FastAPI()


@app.put("/items/{item_id}")
def update(
    item_id: Annotated[int, Path(examples=[1, 2])],
    item: Annotated[
        Item,
        Body(
            examples=[{"name": "Foo", "price": 1.5}],
            openapi_examples={
                "normal": {
                    "summary": "A normal item",
                    "description": "Works",
                    "value": {"name": "Foo", "price": 35.4},
                },
                "invalid": {"summary": "Invalid", "value": {"name": "Baz", "price": "x"}},
            },
        ),
    ],
    q: Annotated[str | None, Query(openapi_examples={"a": {"value": "a"}})] = None,
    h: Annotated[str | None, Header(examples=["h1"])] = None,
) -> Item:
    return item


CASES = [("update", "PUT", "/items/1", {"json": {"name": "a", "price": 1}})]
