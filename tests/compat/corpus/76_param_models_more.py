"""Parameter models: optional models, forbidden extras, aliases, several models in one place."""

from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Query
from pydantic import BaseModel, ConfigDict, Field


class Paging(BaseModel):
    page: int = 1
    per_page: int = Field(10, alias="per-page")


class Sorting(BaseModel):
    sort: str = "id"


class StrictHeaders(BaseModel):
    model_config = ConfigDict(extra="forbid")

    x_token: str


class StrictCookies(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session: str


class Needed(BaseModel):
    q: str


app = FastAPI()


@app.get("/two-models")
def two_models(
    paging: Annotated[Paging, Query()], sorting: Annotated[Sorting, Query()]
) -> dict[str, object]:
    return {"paging": paging.model_dump(), "sorting": sorting.model_dump()}


@app.get("/optional-model")
def optional_model(needed: Annotated[Needed | None, Query()] = None) -> dict[str, object]:
    return {"needed": needed}


@app.get("/strict-headers")
def strict_headers(h: Annotated[StrictHeaders, Header()]) -> StrictHeaders:
    return h


@app.get("/strict-cookies")
def strict_cookies(c: Annotated[StrictCookies, Cookie()]) -> StrictCookies:
    return c


CASES = [
    ("two-models", "GET", "/two-models?page=2&per-page=5&sort=name"),
    ("two-models-by-name", "GET", "/two-models?per_page=5"),
    ("two-models-bad", "GET", "/two-models?page=x&per-page=y"),
    ("optional-absent", "GET", "/optional-model"),
    ("optional-present", "GET", "/optional-model?q=z"),
    ("strict-headers", "GET", "/strict-headers", {"headers": {"X-Token": "t"}}),
    ("strict-cookies-ok", "GET", "/strict-cookies", {"cookies": {"session": "s"}}),
    ("strict-cookies-extra", "GET", "/strict-cookies", {"cookies": {"session": "s", "other": "o"}}),
    ("strict-cookies-missing", "GET", "/strict-cookies"),
]
