"""Query parameters: required, optional, defaults, numbers with constraints."""

from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/search")
def search(
    q: str, page: int = 1, size: Annotated[int, Query(ge=1, le=50)] = 10
) -> dict[str, object]:
    return {"q": q, "page": page, "size": size}


@app.get("/optional")
async def optional(q: str | None = None, limit: float | None = None) -> dict[str, object]:
    return {"q": q, "limit": limit}


@app.get("/annotated")
def annotated(
    tag: Annotated[str, Query(min_length=2, max_length=5)] = "ab",
    count: Annotated[int | None, Query(gt=0)] = None,
) -> list[object]:
    return [tag, count]


@app.get("/required-none")
def required_none(value: int | None) -> dict[str, object]:
    return {"value": value}


CASES = [
    ("all", "GET", "/search?q=a&page=2&size=20"),
    ("defaults", "GET", "/search?q=x"),
    ("missing-q", "GET", "/search"),
    ("missing-q-bad-page", "GET", "/search?page=x&size=0"),
    ("empty-q", "GET", "/search?q="),
    ("empty-page", "GET", "/search?q=a&page="),
    ("size-high", "GET", "/search?q=a&size=51"),
    ("repeated-scalar-last-wins", "GET", "/search?q=a&q=b&page=1&page=3"),
    ("unknown-param", "GET", "/search?q=a&other=1"),
    ("params-option", "GET", "/search", {"params": {"q": "spaced value", "page": "4"}}),
    ("plus-space", "GET", "/search?q=a+b"),
    ("percent", "GET", "/search?q=%E2%9C%93%26"),
    ("optional-none", "GET", "/optional"),
    ("optional-set", "GET", "/optional?q=z&limit=1.25"),
    ("optional-bad", "GET", "/optional?limit=lots"),
    ("optional-empty", "GET", "/optional?q=&limit="),
    ("annotated-defaults", "GET", "/annotated"),
    ("annotated-short", "GET", "/annotated?tag=a"),
    ("annotated-long", "GET", "/annotated?tag=abcdef&count=0"),
    ("annotated-ok", "GET", "/annotated?tag=abc&count=3"),
    ("required-none-missing", "GET", "/required-none"),
    ("required-none-given", "GET", "/required-none?value=5"),
]
