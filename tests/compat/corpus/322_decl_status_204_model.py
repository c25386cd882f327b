"""Declaration error: a response model on a route whose status code is 204."""

from fastapi import FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.get("/model-204", status_code=204)
def model_204() -> Item:
    return Item(name="dropped")


DECLARATION_ERROR = True
