"""status_code on the decorator: 201, 202, 204, 304, and `-> None`."""

from fastapi import FastAPI, status
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.post("/items", status_code=201)
def create(item: Item) -> Item:
    return item


@app.post("/accepted", status_code=status.HTTP_202_ACCEPTED)
def accepted() -> dict[str, str]:
    return {"status": "queued"}


@app.delete("/items/{item_id}", status_code=204)
def delete(item_id: int) -> None:
    return None


@app.get("/not-modified", status_code=304)
def not_modified() -> None:
    pass


@app.get("/none")
def none() -> None:
    pass


@app.get("/none-untyped", response_model=None)
def none_untyped() -> None:
    return None


@app.put("/status-204-returns", status_code=204, response_model=None)
def status_204_returns() -> dict[str, int]:
    return {"ignored": 1}


@app.get("/custom-status", status_code=418)
def teapot() -> str:
    return "short and stout"


CASES = [
    ("created", "POST", "/items", {"json": {"name": "a"}}),
    ("created-invalid", "POST", "/items", {"json": {}}),
    ("accepted", "POST", "/accepted"),
    ("no-content", "DELETE", "/items/3"),
    ("no-content-bad-path", "DELETE", "/items/x"),
    ("not-modified", "GET", "/not-modified"),
    ("none-200", "GET", "/none"),
    ("none-untyped", "GET", "/none-untyped"),
    ("204-with-value", "PUT", "/status-204-returns"),
    ("teapot", "GET", "/custom-status"),
]
