"""A JSONResponse subclass with its own render() as the default response class."""

import json
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class PrettyJSON(JSONResponse):
    media_type = "application/vnd.pretty+json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, indent=2, sort_keys=True).encode()


class Item(BaseModel):
    b: int
    a: str


app = FastAPI(default_response_class=PrettyJSON)


@app.get("/dict")
def as_dict() -> dict[str, object]:
    return {"z": 1, "a": [1, 2]}


@app.get("/model")
def model() -> Item:
    return Item(b=1, a="x")


@app.get("/error")
def error() -> None:
    raise HTTPException(400, "plain error body")


@app.get("/invalid")
def invalid(n: int) -> int:
    return n


CASES = [
    ("dict", "GET", "/dict"),
    ("model", "GET", "/model"),
    ("error", "GET", "/error"),
    ("invalid", "GET", "/invalid?n=x"),
]
