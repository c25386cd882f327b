"""Declaration error: a Query() parameter of a mapping type."""

from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items")
def items(filters: Annotated[dict[str, int], Query()]) -> dict[str, int]:
    return filters


DECLARATION_ERROR = True
