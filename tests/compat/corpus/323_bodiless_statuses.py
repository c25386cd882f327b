"""Bodiless status codes with a returned value: set on the decorator or by a dependency."""

from typing import Annotated

from fastapi import Depends, FastAPI, Response
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.get("/dict-304", status_code=304, response_model=None)
def dict_304() -> dict[str, int]:
    return {"dropped": 1}


def set_204(response: Response) -> None:
    response.status_code = 204


@app.get("/dep-204")
def dep_204(_: Annotated[None, Depends(set_204)]) -> Item:
    return Item(name="body with 204")


CASES = [
    ("dict-304", "GET", "/dict-304"),
    ("dict-304-head", "HEAD", "/dict-304"),
    ("dep-204", "GET", "/dep-204"),
]
