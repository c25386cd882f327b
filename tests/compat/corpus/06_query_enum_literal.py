"""Query parameters: Enum, Literal, unions and Decimal."""

from decimal import Decimal
from enum import Enum
from typing import Literal

from fastapi import FastAPI

app = FastAPI()


class Order(str, Enum):  # noqa: UP042 (the pattern FastAPI documents)
    asc = "asc"
    desc = "desc"


@app.get("/sorted")
def sorted_items(order: Order = Order.asc) -> dict[str, object]:
    return {"order": order, "value": order.value}


@app.get("/mode")
def mode(mode: Literal["fast", "slow"], level: Literal[1, 2, 3] = 1) -> list[object]:
    return [mode, level]


@app.get("/union")
def union(v: int | str) -> dict[str, object]:
    return {"v": v, "type": type(v).__name__}


@app.get("/price")
def price(p: Decimal) -> dict[str, object]:
    return {"p": p, "str": str(p)}


CASES = [
    ("enum-default", "GET", "/sorted"),
    ("enum-desc", "GET", "/sorted?order=desc"),
    ("enum-bad", "GET", "/sorted?order=up"),
    ("literal", "GET", "/mode?mode=fast&level=3"),
    ("literal-bad", "GET", "/mode?mode=medium"),
    ("literal-int-bad", "GET", "/mode?mode=slow&level=4"),
    ("literal-int-text", "GET", "/mode?mode=slow&level=two"),
    ("literal-missing", "GET", "/mode"),
    ("union-int", "GET", "/union?v=3"),
    ("union-str", "GET", "/union?v=three"),
    ("decimal", "GET", "/price?p=1.10"),
    ("decimal-bad", "GET", "/price?p=1.1.1"),
    ("decimal-exp", "GET", "/price?p=1e2"),
]
