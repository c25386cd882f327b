"""Request and response bodies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    price: float = Field(gt=0)
    stock: int = Field(default=0, ge=0)


class ItemPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    price: float | None = Field(default=None, gt=0)
    stock: int | None = Field(default=None, ge=0)


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    price: float
    stock: int


class ImageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    item_id: int
    status: str
    error: str | None


class OrderIn(BaseModel):
    item_id: int
    quantity: int = Field(gt=0)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")


class OrderOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    item_id: int
    quantity: int
    email: str
    status: str
    steps: str
    failure: str | None


class OutboxOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    order_id: int
    recipient: str
    subject: str
    body: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class TaskInfo(BaseModel):
    name: str
    status: str
    duration: float | None = Field(description="Seconds it took, or has run so far.")
