"""Declaration error: a Form() parameter named like a path parameter (even with an alias)."""

from typing import Annotated

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/items/{item_id}")
def update(item_id: Annotated[str, Form(alias="id")]) -> str:
    return item_id


DECLARATION_ERROR = True
