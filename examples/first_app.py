"""The README's first app (kept identical to it by tests/test_first_app.py)."""

from typing import Annotated

from pydantic import BaseModel

from fastslim import BackgroundTasks, Depends, FastAPI, HTTPException, Query

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


ITEMS: dict[int, Item] = {}


def audit(message: str) -> None:
    print(message)


@app.post("/items/{item_id}", status_code=201)
async def create_item(item_id: int, item: Item, tasks: BackgroundTasks) -> Item:
    ITEMS[item_id] = item
    tasks.add_task(audit, f"created {item_id}")  # runs after the response is sent
    return item


def pagination(limit: Annotated[int, Query(gt=0, le=100)] = 10) -> int:
    return limit


@app.get("/items/{item_id}")
async def read_item(item_id: int, limit: Annotated[int, Depends(pagination)]) -> Item:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return ITEMS[item_id]


if __name__ == "__main__":
    from fastslim.testclient import TestClient

    with TestClient(app) as client:
        for method, url, body in [
            ("POST", "/items/1", {"name": "Hammer", "price": 9.5}),
            ("GET", "/items/1?limit=5", None),
            ("GET", "/items/2", None),
            ("GET", "/items/1?limit=0", None),
            ("POST", "/items/x", {"name": "Nail"}),
        ]:
            response = client.request(method, url, json=body)
            print(f"{method} {url} -> {response.status_code} {response.text}")
