"""Returning values without a response model: the encoder's behaviour for non-JSON types."""

import dataclasses
import datetime
import enum
import uuid
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel


class Color(enum.Enum):
    red = "r"


class Model(BaseModel):
    when: datetime.datetime
    amount: Decimal


@dataclasses.dataclass
class Point:
    x: int
    y: float


app = FastAPI()


@app.get("/values", response_model=None)
def values() -> Any:
    return {
        "decimal": Decimal("1.10"),
        "decimal_int": Decimal("3"),
        "datetime": datetime.datetime(2024, 1, 2, 3, 4, 5, 600, tzinfo=datetime.UTC),
        "naive": datetime.datetime(2024, 1, 2, 3, 4, 5),
        "date": datetime.date(2024, 1, 2),
        "time": datetime.time(10, 20),
        "delta": datetime.timedelta(days=1, seconds=1.5),
        "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "enum": Color.red,
        "path": PurePosixPath("/a/b"),
        "model": Model(when=datetime.datetime(2020, 1, 1), amount=Decimal("2.5")),
        "dataclass": Point(1, 2.5),
        "tuple": (1, 2),
        "frozen": frozenset([1]),
        "bytes": b"raw",
        "none": None,
    }


@app.get("/set", response_model=None)
def a_set() -> Any:
    return {"s": {3}}


@app.get("/nan", response_model=None)
def nan() -> Any:
    return {"nan": float("nan")}


@app.get("/inf-annotated")
def inf_annotated() -> dict[str, float]:
    return {"inf": float("inf"), "nan": float("nan")}


@app.get("/encoder", response_model=None)
def encoder() -> Any:
    return jsonable_encoder(
        {"d": Decimal("1.5"), "m": Model(when=datetime.datetime(2020, 1, 1), amount=Decimal(1))},
        exclude_none=True,
    )


@app.get("/dict-keys", response_model=None)
def dict_keys() -> Any:
    return {1: "int key", Color.red: "enum key", None: "none key"}


CASES = [
    ("values", "GET", "/values"),
    ("set", "GET", "/set"),
    ("nan-untyped", "GET", "/nan"),
    ("nan-untyped-raises", "GET", "/nan", {"raises": True}),
    ("nan-annotated", "GET", "/inf-annotated"),
    ("encoder", "GET", "/encoder"),
    ("dict-keys", "GET", "/dict-keys"),
]
