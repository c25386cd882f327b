"""Json[...] in forms (and in query parameters): one string holding JSON."""

from typing import Annotated

from fastapi import FastAPI, Form, Query
from pydantic import Json

app = FastAPI()


@app.post("/form")
def form(
    x: Annotated[Json[list[int]], Form()], y: Annotated[Json[dict[str, int]] | None, Form()] = None
) -> dict[str, object]:
    return {"x": x, "y": y}


@app.get("/query")
def query(x: Annotated[Json[list[int]], Query()]) -> list[int]:
    return x


CASES = [
    ("valid", "POST", "/form", {"data": {"x": "[1, 2]", "y": '{"a": 1}'}}),
    ("invalid-json", "POST", "/form", {"data": {"x": "[1,"}}),
    ("wrong-items", "POST", "/form", {"data": {"x": '["a"]'}}),
    ("missing", "POST", "/form"),
    ("query", "GET", "/query?x=%5B1%2C2%5D"),
    ("query-invalid", "GET", "/query?x=nope"),
]
