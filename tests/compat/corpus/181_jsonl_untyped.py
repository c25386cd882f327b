"""JSON Lines of untyped items (json.dumps, non-finite as null); response_model= is ignored."""

import datetime
import decimal
from collections.abc import Iterator
from enum import Enum
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Color(Enum):
    RED = "red"


class Item(BaseModel):
    name: str
    price: float = 1.0


@app.get("/untyped")
async def untyped():  # type: ignore[no-untyped-def]
    yield {"a": 1, "b": [1, 2]}
    yield "s\u00e9"
    yield 1.5
    yield None
    yield True


@app.get("/non-finite")
def non_finite() -> Any:
    yield float("nan")
    yield {"x": float("inf"), "y": [float("-inf"), {"z": float("nan")}]}
    yield {float("inf"): 1, float("nan"): 2, float("-inf"): 3, None: 4, 1: 5}


@app.get("/encoded")
def encoded():  # type: ignore[no-untyped-def]
    yield Item(name="a")
    yield datetime.date(2020, 1, 2)
    yield decimal.Decimal("1.5")
    yield b"bytes"
    yield Color.RED
    yield {1, 2}


@app.get("/response-model", response_model=int)
def response_model() -> Iterator[Item]:
    yield Item(name="a")


@app.get("/response-model-none", response_model=None)
def response_model_none() -> Iterator[Item]:
    yield Item(name="a")


@app.get("/flags-ignored", response_model_exclude={"a"}, response_model_exclude_none=True)
def flags_ignored():  # type: ignore[no-untyped-def]
    yield {"a": 1, "b": None}


@app.get("/other-annotation")
def other_annotation() -> int:  # type: ignore[misc]
    yield {"a": 1}


CASES = [
    ("untyped", "GET", "/untyped"),
    ("non-finite", "GET", "/non-finite"),
    ("encoded", "GET", "/encoded"),
    ("response-model", "GET", "/response-model"),
    ("response-model-none", "GET", "/response-model-none"),
    ("flags-ignored", "GET", "/flags-ignored"),
    ("other-annotation", "GET", "/other-annotation"),
]
