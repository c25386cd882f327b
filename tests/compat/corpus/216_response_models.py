"""Response models in the document: lists, dicts, unions, None, response_model over the
annotation, response_model=None, filters (not in the schema), aliases."""

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field


class Item(BaseModel):
    name: str
    price: float = Field(alias="cost")


class Other(BaseModel):
    kind: str = "other"


app = FastAPI()


@app.get("/list", response_model=list[Item])
def listing() -> Any:
    return []


@app.get("/dict")
def mapping() -> dict[str, Item]:
    return {}


@app.get("/union")
def union() -> Item | Other:
    return Other()


@app.get("/optional")
def optional() -> Item | None:
    return None


@app.get("/override", response_model=Other)
def override() -> dict[str, str]:
    return {"kind": "x"}


@app.get("/no-model", response_model=None)
def no_model() -> Item:
    return Item(name="a", cost=1)


@app.get("/filtered", response_model=Item, response_model_exclude={"price"})
def filtered() -> dict[str, object]:
    return {"name": "a", "cost": 1}


@app.get("/scalar")
def scalar() -> int:
    return 1


CASES = [("list", "GET", "/list"), ("union", "GET", "/union")]
