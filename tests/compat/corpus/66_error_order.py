"""Validation errors from every location at once, in order, with dependencies."""

from typing import Annotated

from fastapi import Body, Cookie, Depends, FastAPI, Header, Path, Query
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    count: int


def dep(d_query: Annotated[int, Query()], d_header: Annotated[int, Header()]) -> int:
    return d_query + d_header


app = FastAPI()


@app.post("/all/{p}")
def everything(
    item: Item,
    p: Annotated[int, Path()],
    c: Annotated[int, Cookie()],
    h: Annotated[int, Header()],
    q: Annotated[int, Query()],
    d: Annotated[int, Depends(dep)],
    extra: Annotated[int, Body()] = 0,
) -> dict[str, object]:
    return {"item": item, "sum": p + c + h + q + d + extra}


CASES = [
    (
        "all-ok",
        "POST",
        "/all/1?q=2&d_query=3",
        {
            "headers": {"h": "4", "d-header": "5"},
            "cookies": {"c": "6"},
            "json": {"item": {"name": "n", "count": 1}, "extra": 7},
        },
    ),
    (
        "all-bad",
        "POST",
        "/all/x?q=y&d_query=z",
        {
            "headers": {"h": "a", "d-header": "b"},
            "cookies": {"c": "w"},
            "json": {"item": {"count": "v"}, "extra": "u"},
        },
    ),
    ("all-missing", "POST", "/all/1"),
]
