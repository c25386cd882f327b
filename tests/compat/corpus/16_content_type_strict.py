"""Strict content types (the default): which Content-Type values get a body parsed as JSON."""

from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    price: float


app = FastAPI()


@app.post("/item")
def item(item: Item) -> Item:
    return item


@app.post("/dict")
def as_dict(data: dict[str, int]) -> dict[str, int]:
    return data


@app.post("/text")
def text(value: Annotated[str, Body()]) -> str:
    return value


BODY = b'{"name":"a","price":1}'

CASES = [
    ("json", "POST", "/item", {"content": BODY, "headers": {"content-type": "application/json"}}),
    (
        "problem-json",
        "POST",
        "/item",
        {"content": BODY, "headers": {"content-type": "application/problem+json"}},
    ),
    (
        "vendor-json",
        "POST",
        "/item",
        {"content": BODY, "headers": {"content-type": "application/vnd.api+json"}},
    ),
    (
        "upper-charset",
        "POST",
        "/item",
        {"content": BODY, "headers": {"content-type": "APPLICATION/JSON; charset=utf-8"}},
    ),
    ("missing-ct", "POST", "/item", {"content": BODY}),
    ("empty-ct", "POST", "/item", {"content": BODY, "headers": {"content-type": ""}}),
    ("text-plain", "POST", "/item", {"content": BODY, "headers": {"content-type": "text/plain"}}),
    ("text-json", "POST", "/item", {"content": BODY, "headers": {"content-type": "text/json"}}),
    ("jsonx", "POST", "/item", {"content": BODY, "headers": {"content-type": "application/jsonx"}}),
    (
        "octet",
        "POST",
        "/item",
        {"content": BODY, "headers": {"content-type": "application/octet-stream"}},
    ),
    ("dict-missing-ct", "POST", "/dict", {"content": b'{"a":1}'}),
    (
        "dict-text",
        "POST",
        "/dict",
        {"content": b'{"a":1}', "headers": {"content-type": "text/plain"}},
    ),
    ("str-missing-ct", "POST", "/text", {"content": b'"quoted"'}),
    (
        "str-json",
        "POST",
        "/text",
        {"content": b'"quoted"', "headers": {"content-type": "application/json"}},
    ),
]
