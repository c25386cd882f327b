"""Query parameters: lists, sets, tuples with repeated keys."""

from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/ints")
def ints(ids: Annotated[list[int], Query()]) -> dict[str, list[int]]:
    return {"ids": ids}


@app.get("/strs")
def strs(tag: Annotated[list[str] | None, Query()] = None) -> dict[str, object]:
    return {"tag": tag}


@app.get("/defaults")
def defaults(tag: Annotated[list[str], Query()] = ["a", "b"]) -> list[str]:  # noqa: B006
    return tag


@app.get("/set")
def as_set(tag: Annotated[set[str], Query()] = set()) -> list[str]:  # noqa: B006
    return sorted(tag)


@app.get("/bounded")
def bounded(n: Annotated[list[int], Query(min_length=2, max_length=3)]) -> int:
    return sum(n)


@app.get("/aliased")
def aliased(item: Annotated[list[str], Query(alias="item[]")] = []) -> list[str]:  # noqa: B006
    return item


CASES = [
    ("ints", "GET", "/ints?ids=1&ids=2&ids=3"),
    ("ints-one", "GET", "/ints?ids=7"),
    ("ints-missing", "GET", "/ints"),
    ("ints-bad-item", "GET", "/ints?ids=1&ids=x&ids=3&ids=y"),
    ("ints-csv-not-split", "GET", "/ints?ids=1,2"),
    ("ints-params-list", "GET", "/ints", {"params": {"ids": ["4", "5"]}}),
    ("strs-none", "GET", "/strs"),
    ("strs-two", "GET", "/strs?tag=x&tag=y"),
    ("strs-empty-values", "GET", "/strs?tag=&tag="),
    ("defaults", "GET", "/defaults"),
    ("defaults-given", "GET", "/defaults?tag=z"),
    ("set-dedup", "GET", "/set?tag=b&tag=a&tag=b"),
    ("set-empty", "GET", "/set"),
    ("bounded-ok", "GET", "/bounded?n=1&n=2"),
    ("bounded-short", "GET", "/bounded?n=1"),
    ("bounded-long", "GET", "/bounded?n=1&n=2&n=3&n=4"),
    ("aliased", "GET", "/aliased?item[]=a&item[]=b"),
    ("aliased-name-ignored", "GET", "/aliased?item=a"),
]
