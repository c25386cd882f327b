"""Enums, literals, nested and recursive models, sets and tuples in components."""

from enum import Enum, IntEnum
from typing import Literal

from fastapi import FastAPI
from pydantic import BaseModel


class Color(str, Enum):  # noqa: UP042
    red = "red"
    blue = "blue"


class Level(IntEnum):
    low = 1
    high = 2


class Node(BaseModel):
    name: str
    children: list["Node"] = []


class Shape(BaseModel):
    color: Color
    level: Level = Level.low
    kind: Literal["circle", "square"]
    tags: set[str] = set()
    point: tuple[int, int] = (0, 0)
    root: Node | None = None


app = FastAPI()


@app.post("/shapes")
def create(shape: Shape, color: Color = Color.red, level: Level | None = None) -> Shape:
    return shape


@app.get("/tree")
def tree() -> Node:
    return Node(name="root")


CASES = [("tree", "GET", "/tree")]
