"""JSON bodies that are not a single model: lists of models, dicts, scalars."""

from fastapi import FastAPI
from pydantic import BaseModel


class Point(BaseModel):
    x: int
    y: int


app = FastAPI()


@app.post("/points")
def points(points: list[Point]) -> dict[str, int]:
    return {"count": len(points), "sum_x": sum(p.x for p in points)}


@app.post("/weights")
def weights(weights: dict[int, float]) -> dict[str, object]:
    return {"keys": sorted(weights), "total": sum(weights.values())}


@app.post("/names")
def names(names: list[str]) -> list[str]:
    return [n.upper() for n in names]


@app.post("/anything")
def anything(data: dict[str, object]) -> dict[str, object]:
    return data


CASES = [
    ("points", "POST", "/points", {"json": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}),
    ("points-empty", "POST", "/points", {"json": []}),
    ("points-bad-item", "POST", "/points", {"json": [{"x": 1, "y": 2}, {"x": "a"}]}),
    ("points-object", "POST", "/points", {"json": {"x": 1, "y": 2}}),
    ("points-missing", "POST", "/points"),
    ("weights", "POST", "/weights", {"json": {"1": 0.5, "2": 1.5}}),
    ("weights-bad-key", "POST", "/weights", {"json": {"a": 1}}),
    ("weights-bad-value", "POST", "/weights", {"json": {"1": "heavy"}}),
    ("names", "POST", "/names", {"json": ["a", "b"]}),
    ("names-not-strings", "POST", "/names", {"json": ["a", 1, None]}),
    ("anything", "POST", "/anything", {"json": {"a": [1, {"b": None}], "c": 1.5}}),
    ("anything-list", "POST", "/anything", {"json": [1]}),
    ("anything-unicode", "POST", "/anything", {"json": {"k\u00e9": "\u2713\U0001f600"}}),
]
