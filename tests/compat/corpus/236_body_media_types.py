"""Bodies with custom media types and embedded single models."""

from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.post("/vnd")
def vnd(item: Annotated[Item, Body(media_type="application/vnd.api+json")]) -> Item:
    return item


@app.post("/embedded")
def embedded(item: Annotated[Item, Body(embed=True, description="Wrapped")]) -> Item:
    return item


@app.post("/text")
def text(raw: Annotated[str, Body(media_type="text/plain")] = "") -> str:
    return raw


CASES = [("embedded", "POST", "/embedded", {"json": {"item": {"name": "a"}}})]
