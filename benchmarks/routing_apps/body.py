"""A nested JSON body in, a response model out (valid and invalid bodies)."""

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field


class Address(BaseModel):
    street: str
    city: str
    zip_code: str = Field(pattern=r"^\d{5}$")


class Customer(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str
    address: Address


class LineItem(BaseModel):
    sku: str
    quantity: int = Field(gt=0)
    unit_price: float = Field(ge=0)
    tags: list[str] = Field(default_factory=list)


class Order(BaseModel):
    customer: Customer
    items: list[LineItem] = Field(min_length=1)
    note: str | None = None


class OrderOut(BaseModel):
    id: int
    customer: Customer
    items: list[LineItem]
    total: float


app = FastAPI()


@app.post("/orders", response_model=OrderOut, status_code=201)
async def create_order(order: Order) -> Any:
    total = sum(item.quantity * item.unit_price for item in order.items)
    # The extra key is filtered out by the response model.
    return {"id": 1, "customer": order.customer, "items": order.items, "total": total, "ref": "x"}
