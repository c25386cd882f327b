"""Declaration error: Query() used for a parameter that the path declares."""

from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items/{item_id}")
def item(item_id: Annotated[int, Query()]) -> int:
    return item_id


DECLARATION_ERROR = True
