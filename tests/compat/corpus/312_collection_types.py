"""Sets, tuples, frozensets and bytes in bodies and responses."""

from typing import Annotated

from fastapi import Body, FastAPI

app = FastAPI()


@app.post("/set")
def as_set(values: Annotated[set[int], Body()]) -> list[int]:
    return sorted(values)


@app.post("/tuple")
def as_tuple(pair: Annotated[tuple[int, str], Body()]) -> tuple[str, int]:
    return (pair[1], pair[0])


@app.post("/variadic")
def variadic(values: Annotated[tuple[int, ...], Body(embed=True)]) -> int:
    return sum(values)


@app.get("/frozen")
def frozen() -> frozenset[int]:
    return frozenset({3})


@app.get("/bytes")
def as_bytes() -> bytes:
    return b"raw bytes"


@app.get("/int-keys")
def int_keys() -> dict[int, str]:
    return {2: "b", 1: "a"}


CASES = [
    ("set", "POST", "/set", {"json": [3, 1, 3]}),
    ("set-bad", "POST", "/set", {"json": [1, "x"]}),
    ("tuple", "POST", "/tuple", {"json": [1, "a"]}),
    ("tuple-long", "POST", "/tuple", {"json": [1, "a", 2]}),
    ("variadic", "POST", "/variadic", {"json": {"values": [1, 2, 3]}}),
    ("variadic-bad", "POST", "/variadic", {"json": {"values": [1, "b"]}}),
    ("frozen", "GET", "/frozen"),
    ("bytes", "GET", "/bytes"),
    ("int-keys", "GET", "/int-keys"),
]
