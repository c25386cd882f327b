"""Two FastAPI markers in one Annotated (Query and Header): which one counts."""

from typing import Annotated

from fastapi import FastAPI, Header, Query

app = FastAPI()


@app.get("/two")
def two(v: Annotated[str, Query(), Header()] = "default") -> str:
    return v


CASES = [
    ("query", "GET", "/two?v=q"),
    ("header", "GET", "/two", {"headers": {"v": "h"}}),
    ("none", "GET", "/two"),
]
