"""Models with defaults and computed fields in requests and responses: -Input/-Output."""

from fastapi import FastAPI
from pydantic import BaseModel, computed_field


class Item(BaseModel):
    name: str
    description: str | None = None


class Priced(BaseModel):
    price: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def with_tax(self) -> float:
        return self.price * 1.2


class Order(BaseModel):
    items: list[Item]
    priced: Priced


app = FastAPI()


@app.post("/items")
def create(item: Item) -> Item:
    return item


@app.post("/orders")
def order(order: Order) -> Order:
    return order


@app.get("/priced")
def priced() -> Priced:
    return Priced(price=1)


CASES = [("items", "POST", "/items", {"json": {"name": "a"}})]
