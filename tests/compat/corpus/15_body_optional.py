"""Optional bodies, defaults, null bodies, and a body mixed with path and query."""

from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    size: int = 1


app = FastAPI()


@app.post("/optional")
def optional(item: Item | None = None) -> dict[str, object]:
    return {"item": item}


@app.post("/default-body")
def default_body(data: Annotated[dict[str, int], Body()] = {"a": 1}) -> dict[str, int]:  # noqa: B006
    return data


@app.post("/nullable")
def nullable(item: Annotated[Item | None, Body()]) -> dict[str, object]:
    return {"item": item}


@app.patch("/mix/{item_id}")
def mix(item_id: int, item: Item, q: str | None = None, flag: bool = False) -> dict[str, object]:
    return {"item_id": item_id, "item": item, "q": q, "flag": flag}


CASES: list[tuple[object, ...]] = [
    ("optional-none", "POST", "/optional"),
    (
        "optional-null",
        "POST",
        "/optional",
        {"content": b"null", "headers": {"content-type": "application/json"}},
    ),
    ("optional-given", "POST", "/optional", {"json": {"name": "a"}}),
    ("optional-bad", "POST", "/optional", {"json": {"size": "big"}}),
    (
        "optional-empty-json-ct",
        "POST",
        "/optional",
        {"content": b"", "headers": {"content-type": "application/json"}},
    ),
    ("default-none", "POST", "/default-body"),
    ("default-given", "POST", "/default-body", {"json": {"b": 2}}),
    ("nullable-missing", "POST", "/nullable"),
    (
        "nullable-null",
        "POST",
        "/nullable",
        {"content": b"null", "headers": {"content-type": "application/json"}},
    ),
    ("nullable-given", "POST", "/nullable", {"json": {"name": "x", "size": 2}}),
    ("mix", "PATCH", "/mix/5?q=s&flag=yes", {"json": {"name": "n"}}),
    ("mix-all-bad", "PATCH", "/mix/a?flag=maybe", {"json": {"size": []}}),
    ("mix-no-body", "PATCH", "/mix/1"),
]
