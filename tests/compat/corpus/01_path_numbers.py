"""Path parameters: int, float and str, with numeric constraints."""

from typing import Annotated

from fastapi import FastAPI, Path

app = FastAPI()


@app.get("/ints/{item_id}")
def read_int(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}


@app.get("/floats/{value}")
async def read_float(value: float) -> dict[str, float]:
    return {"value": value}


@app.get("/strs/{name}")
def read_str(name: str) -> str:
    return name


@app.get("/bounded/{n}")
def read_bounded(n: Annotated[int, Path(gt=0, le=10)]) -> int:
    return n


@app.get("/range/{x}")
def read_range(x: Annotated[float, Path(ge=1.5, lt=3)]) -> float:
    return x


@app.get("/two/{a}/{b}")
def read_two(a: int, b: Annotated[str, Path(min_length=2)]) -> list[object]:
    return [a, b]


CASES = [
    ("int", "GET", "/ints/42"),
    ("int-negative", "GET", "/ints/-3"),
    ("int-leading-zero", "GET", "/ints/007"),
    ("int-float", "GET", "/ints/4.0"),
    ("int-word", "GET", "/ints/forty"),
    ("int-huge", "GET", "/ints/123456789012345678901234567890"),
    ("float", "GET", "/floats/2.5"),
    ("float-int", "GET", "/floats/3"),
    ("float-exp", "GET", "/floats/1e3"),
    ("float-nan", "GET", "/floats/nan"),
    ("float-inf", "GET", "/floats/inf"),
    ("float-bad", "GET", "/floats/x1"),
    ("str", "GET", "/strs/hello"),
    ("str-encoded", "GET", "/strs/a%20b%2Fc"),
    ("str-unicode", "GET", "/strs/%C3%A9t%C3%A9"),
    ("bounded-ok", "GET", "/bounded/10"),
    ("bounded-zero", "GET", "/bounded/0"),
    ("bounded-high", "GET", "/bounded/11"),
    ("range-ok", "GET", "/range/1.5"),
    ("range-high", "GET", "/range/3"),
    ("range-low", "GET", "/range/1"),
    ("two-ok", "GET", "/two/1/ab"),
    ("two-both-bad", "GET", "/two/x/a"),
    ("missing-segment", "GET", "/ints/"),
    ("post-not-allowed", "POST", "/ints/1"),
]
