"""Declaration error: a pydantic.v1 model as a body parameter."""

import warnings

from fastapi import FastAPI

with warnings.catch_warnings():
    # pydantic.v1 warns about Python 3.14 support on import on some versions.
    warnings.simplefilter("ignore")
    from pydantic.v1 import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.post("/items")
def create(item: Item) -> None:
    pass


DECLARATION_ERROR = True
