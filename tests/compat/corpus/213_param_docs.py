"""Parameter documentation: descriptions, examples, openapi_examples, aliases, models."""

from typing import Annotated, Literal

from fastapi import Body, Cookie, FastAPI, Header, Path, Query
from pydantic import BaseModel, Field


class Filters(BaseModel):
    limit: int = Field(10, le=100, description="How many")
    order_by: Literal["created", "updated"] = "created"
    tags: list[str] = []


class Item(BaseModel):
    name: str = Field(examples=["Foo"])
    price: float


app = FastAPI()


@app.get("/items/{item_id}")
def read(
    item_id: Annotated[int, Path(title="The ID", ge=1)],
    q: Annotated[
        str | None,
        Query(
            alias="item-query",
            min_length=3,
            examples=["abc"],
            openapi_examples={"normal": {"summary": "Normal", "value": "abc"}},
        ),
    ] = None,
    x_token: Annotated[list[str] | None, Header()] = None,
    session: Annotated[str | None, Cookie(description="Session id")] = None,
) -> dict[str, str]:
    return {}


@app.get("/filtered")
def filtered(filters: Annotated[Filters, Query()]) -> Filters:
    return filters


@app.put("/items/{item_id}")
def update(
    item_id: int,
    item: Annotated[
        Item,
        Body(openapi_examples={"a": {"summary": "A", "value": {"name": "a", "price": 1}}}),
    ],
    importance: Annotated[int, Body(gt=0)],
) -> Item:
    return item


CASES = [("read", "GET", "/items/1")]
