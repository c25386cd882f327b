"""Body parameters declared in dependencies combine with the endpoint's body."""

from typing import Annotated

from fastapi import Body, Depends, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str


class Meta(BaseModel):
    source: str


def meta_dep(meta: Meta) -> str:
    return meta.source


def scalar_dep(priority: Annotated[int, Body()] = 0) -> int:
    return priority


app = FastAPI()


@app.post("/combined")
def combined(item: Item, source: Annotated[str, Depends(meta_dep)]) -> dict[str, object]:
    return {"item": item, "source": source}


@app.post("/only-dep")
def only_dep(source: Annotated[str, Depends(meta_dep)]) -> str:
    return source


@app.post("/scalar")
def scalar(item: Item, priority: Annotated[int, Depends(scalar_dep)]) -> list[object]:
    return [item, priority]


CASES = [
    ("combined", "POST", "/combined", {"json": {"item": {"name": "n"}, "meta": {"source": "s"}}}),
    ("combined-flat", "POST", "/combined", {"json": {"name": "n"}}),
    ("combined-missing-meta", "POST", "/combined", {"json": {"item": {"name": "n"}}}),
    ("only-dep", "POST", "/only-dep", {"json": {"source": "s"}}),
    ("only-dep-embedded", "POST", "/only-dep", {"json": {"meta": {"source": "s"}}}),
    ("scalar", "POST", "/scalar", {"json": {"item": {"name": "n"}, "priority": 2}}),
    ("scalar-default", "POST", "/scalar", {"json": {"item": {"name": "n"}}}),
    ("scalar-bad", "POST", "/scalar", {"json": {"item": {}, "priority": "high"}}),
]
