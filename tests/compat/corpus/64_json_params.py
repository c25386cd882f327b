"""Json[...] parameters in the query and a header, parsed from one JSON string."""

from typing import Annotated

from fastapi import FastAPI, Header, Query
from pydantic import Json

app = FastAPI()


@app.get("/filter")
def filter_items(f: Annotated[Json[list[int]], Query()]) -> int:
    return sum(f)


@app.get("/tags")
def tags(x_tags: Annotated[Json[list[str]], Header()]) -> list[str]:
    return x_tags


CASES = [
    ("filter", "GET", "/filter", {"params": {"f": "[1, 2]"}}),
    ("filter-bad-json", "GET", "/filter", {"params": {"f": "[1"}}),
    ("filter-bad-type", "GET", "/filter", {"params": {"f": '[1, "x"]'}}),
    ("filter-missing", "GET", "/filter"),
    ("tags", "GET", "/tags", {"headers": {"X-Tags": '["a", "b"]'}}),
    ("tags-not-list", "GET", "/tags", {"headers": {"X-Tags": '"a"'}}),
]
