"""Bodies and responses typed as dataclasses, pydantic dataclasses, TypedDicts and RootModels."""

import dataclasses

import pydantic
from fastapi import FastAPI
from pydantic import RootModel
from typing_extensions import TypedDict


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0


@pydantic.dataclasses.dataclass
class Size:
    w: float
    h: float


class Movie(TypedDict):
    title: str
    year: int


Tags = RootModel[list[str]]

app = FastAPI()


@app.post("/point")
def point(p: Point) -> Point:
    return Point(p.x * 2, p.y)


@app.post("/size")
def size(s: Size) -> dict[str, float]:
    return {"area": s.w * s.h}


@app.post("/movie")
def movie(m: Movie) -> Movie:
    return m


@app.post("/tags")
def tags(t: Tags) -> Tags:
    return Tags(sorted(t.root))


CASES = [
    ("point", "POST", "/point", {"json": {"x": 2}}),
    ("point-bad", "POST", "/point", {"json": {"y": "a"}}),
    ("size", "POST", "/size", {"json": {"w": 2, "h": 1.5}}),
    ("size-bad", "POST", "/size", {"json": {"w": "wide"}}),
    ("movie", "POST", "/movie", {"json": {"title": "T", "year": "1999"}}),
    ("movie-bad", "POST", "/movie", {"json": {"title": 1}}),
    ("tags", "POST", "/tags", {"json": ["b", "a"]}),
    ("tags-bad", "POST", "/tags", {"json": {"a": 1}}),
]
