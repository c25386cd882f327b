"""Malformed JSON at various offsets, non-UTF-8 bodies, empty and null bodies."""

from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.post("/item")
def item(item: Item) -> Item:
    return item


@app.post("/any")
def anything(data: Annotated[object, Body()] = None) -> dict[str, object]:
    return {"data": data}


JSON = {"content-type": "application/json"}

CASES = [
    ("truncated", "POST", "/item", {"content": b'{"name": "a"', "headers": JSON}),
    ("garbage", "POST", "/item", {"content": b"nope", "headers": JSON}),
    ("trailing-comma", "POST", "/item", {"content": b'{"name": "a",}', "headers": JSON}),
    ("single-quotes", "POST", "/item", {"content": b"{'name': 'a'}", "headers": JSON}),
    ("unquoted-key", "POST", "/item", {"content": b'{name: "a"}', "headers": JSON}),
    ("extra-data", "POST", "/item", {"content": b'{"name": "a"} {}', "headers": JSON}),
    (
        "late-error",
        "POST",
        "/item",
        {"content": b'{"name": "abcdefghij", "x": [1, 2, }', "headers": JSON},
    ),
    (
        "multibyte-before-error",
        "POST",
        "/item",
        {"content": b'{"name": "\xc3\xa9\xc3\xa9\xc3\xa9", x}', "headers": JSON},
    ),
    ("non-utf8", "POST", "/item", {"content": b'{"name": "\xff\xfe"}', "headers": JSON}),
    (
        "latin1-charset",
        "POST",
        "/item",
        {
            "content": b'{"name": "\xe9"}',
            "headers": {"content-type": "application/json; charset=latin-1"},
        },
    ),
    ("utf8-bom", "POST", "/item", {"content": b'\xef\xbb\xbf{"name": "a"}', "headers": JSON}),
    ("empty", "POST", "/item", {"content": b"", "headers": JSON}),
    ("whitespace", "POST", "/item", {"content": b"   ", "headers": JSON}),
    ("null", "POST", "/item", {"content": b"null", "headers": JSON}),
    ("nan-literal", "POST", "/any", {"content": b'{"x": NaN}', "headers": JSON}),
    ("infinity-literal", "POST", "/any", {"content": b"Infinity", "headers": JSON}),
    ("any-empty", "POST", "/any", {"content": b"", "headers": JSON}),
    ("any-null", "POST", "/any", {"content": b"null", "headers": JSON}),
    ("any-number", "POST", "/any", {"content": b"1.5e3", "headers": JSON}),
    ("any-bad", "POST", "/any", {"content": b"[1, 2", "headers": JSON}),
    (
        "any-big-int",
        "POST",
        "/any",
        {"content": b"123456789012345678901234567890", "headers": JSON},
    ),
    ("any-deep-string", "POST", "/any", {"content": b'"\\u00e9\\n"', "headers": JSON}),
    ("any-lone-surrogate", "POST", "/any", {"content": b'"\\ud800"', "headers": JSON}),
]
