"""Declaration error: a path parameter of a sequence type."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{ids}")
def items(ids: list[int]) -> list[int]:
    return ids


DECLARATION_ERROR = True
