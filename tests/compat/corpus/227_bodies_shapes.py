"""Body shapes: dicts, lists of models, Any, sets, a single embedded scalar, several
bodies with aliases, optional bodies, dataclasses and TypedDicts."""

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Body, FastAPI
from pydantic import BaseModel
from typing_extensions import TypedDict


class Item(BaseModel):
    name: str


@dataclass
class Point:
    x: int
    y: int = 0


class Movie(TypedDict):
    title: str
    year: int


app = FastAPI()


@app.post("/dict")
def as_dict(data: dict[str, int]) -> dict[str, int]:
    return data


@app.post("/list")
def as_list(items: list[Item]) -> list[Item]:
    return items


@app.post("/any")
def anything(payload: Annotated[Any, Body()]) -> Any:
    return payload


@app.post("/embed")
def embedded(count: Annotated[int, Body(embed=True)]) -> int:
    return count


@app.post("/many")
def many(
    item: Item,
    user_name: Annotated[str, Body(alias="userName")],
    tags: Annotated[set[str], Body()] = set(),  # noqa: B006
) -> str:
    return "ok"


@app.post("/optional")
def optional(item: Item | None = None) -> Item | None:
    return item


@app.post("/point")
def point(p: Point) -> Point:
    return p


@app.post("/movie")
def movie(m: Movie) -> Movie:
    return m


CASES = [("embed", "POST", "/embed", {"json": {"count": 2}})]
