"""Request and response bodies, and the path parameters of ids.

Every request model says what the database accepts, so that no request the OpenAPI
document allows can fail in the database (a 500) instead of in validation (a 422):
integers fit a signed 64-bit column (SQLite's and PostgreSQL's `BIGINT`), strings fit
their `String(n)` column, prices are finite, and a PATCH field may be left out but not
set to `null` (the columns are `NOT NULL`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from fastslim import Path

INT64_END = 2**63
"""Integers of a signed 64-bit column (ids, stock) are below it (`lt`, not `le=2**63 - 1`:
the OpenAPI document renders a model's bound as a JSON number, which would round
2**63 - 1 up to 2**63)."""
MAX_ID = INT64_END - 1
MAX_PRICE = 1_000_000.0
MAX_QUANTITY = 10_000

ItemId = Annotated[int, Path(ge=1, lt=INT64_END, description="An item's id.")]
ImageId = Annotated[int, Path(ge=1, lt=INT64_END, description="An image's id.")]
OrderId = Annotated[int, Path(ge=1, lt=INT64_END, description="An order's id.")]
ReportId = Annotated[int, Path(ge=1, lt=INT64_END, description="A report's id.")]


def _optional_not_null(schema: dict[str, Any]) -> None:
    """A PATCH field's schema: it may be left out, but `null` is not a value (the
    field's default, None, means "unchanged" and is never validated)."""
    schema.pop("default", None)


def _patch_field(**constraints: Any) -> Any:
    return Field(default=None, json_schema_extra=_optional_not_null, **constraints)


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    price: float = Field(gt=0, le=MAX_PRICE, allow_inf_nan=False)
    stock: int = Field(default=0, ge=0, lt=INT64_END)


class ItemPatch(BaseModel):
    """The fields to change; those left out keep their value. None of them is
    nullable: `{"stock": null}` is a 422, as the column is `NOT NULL`."""

    name: str = _patch_field(min_length=1, max_length=200)
    price: float = _patch_field(gt=0, le=MAX_PRICE, allow_inf_nan=False)
    stock: int = _patch_field(ge=0, lt=INT64_END)


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
    item_id: int = Field(ge=1, lt=INT64_END)
    quantity: int = Field(gt=0, le=MAX_QUANTITY)
    email: str = Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")


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


class Message(BaseModel):
    """An error's body, as FastAPI's `HTTPException` renders it."""

    detail: str


# The error responses the routes document beside FastAPI's 422, so that the document
# names every status a request can get.
Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: {"model": Message, "description": "No such id."}}
UNAUTHORIZED: Responses = {
    401: {"model": Message, "description": "Not logged in, or an unknown token."}
}
BAD_BODY: Responses = {
    400: {
        "model": Message,
        "description": "The body cannot be parsed (not UTF-8 JSON, a broken form), "
        "or a form exceeds the form limits.",
    },
    413: {"description": "The body exceeds `max_body_size`."},
}
BUSY: Responses = {
    503: {"model": Message, "description": "Too many reports are waiting; retry later."}
}
