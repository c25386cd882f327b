"""A nested JSON body in, a response model out (Litestar twin of `routing_apps/body.py`;
an invalid body is Litestar's 400)."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from litestar import Litestar, post
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


@post("/orders", status_code=201)
async def create_order(data: Order) -> OrderOut:
    total = sum(item.quantity * item.unit_price for item in data.items)
    return OrderOut(id=1, customer=data.customer, items=data.items, total=total)


app = Litestar([create_order])
