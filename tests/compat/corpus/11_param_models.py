"""Parameter models: a Pydantic model for query, header and cookie parameters."""

from typing import Annotated, Literal

from fastapi import Cookie, FastAPI, Header, Query
from pydantic import BaseModel, Field


class Filters(BaseModel):
    limit: int = Field(100, gt=0, le=100)
    offset: int = Field(0, ge=0)
    order_by: Literal["created_at", "updated_at"] = "created_at"
    tags: list[str] = []


class StrictFilters(BaseModel):
    model_config = {"extra": "forbid"}

    q: str | None = None
    page: int = 1


class CommonHeaders(BaseModel):
    host: str
    x_tag: list[str] = []
    save_data: bool = False


class Cookies(BaseModel):
    session_id: str
    tracker: str | None = None


app = FastAPI()


@app.get("/items")
def items(filters: Annotated[Filters, Query()]) -> Filters:
    return filters


@app.get("/strict")
def strict(filters: Annotated[StrictFilters, Query()]) -> StrictFilters:
    return filters


@app.get("/headers")
def headers(h: Annotated[CommonHeaders, Header()]) -> CommonHeaders:
    return h


@app.get("/cookies")
def cookies(c: Annotated[Cookies, Cookie()]) -> Cookies:
    return c


CASES = [
    ("query-defaults", "GET", "/items"),
    ("query-set", "GET", "/items?limit=5&offset=2&order_by=updated_at&tags=a&tags=b"),
    ("query-bad", "GET", "/items?limit=0&offset=-1&order_by=name"),
    ("query-extra-ignored", "GET", "/items?other=1"),
    ("strict-ok", "GET", "/strict?q=x&page=2"),
    ("strict-extra", "GET", "/strict?q=x&extra=1"),
    (
        "headers",
        "GET",
        "/headers",
        {"headers": [("X-Tag", "a"), ("X-Tag", "b"), ("Save-Data", "1")]},
    ),
    ("headers-bad", "GET", "/headers", {"headers": {"save-data": "perhaps"}}),
    ("cookies", "GET", "/cookies", {"cookies": {"session_id": "s", "tracker": "t"}}),
    ("cookies-missing", "GET", "/cookies", {"cookies": {"tracker": "t"}}),
]
