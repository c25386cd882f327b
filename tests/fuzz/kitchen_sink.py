"""An app that declares every parameter kind, served on fastslim or on FastAPI 0.165.

`KITCHEN_SINK_FRAMEWORK=fastapi` imports FastAPI (only in the fuzz session's oracle
environment, never in a package); anything else, fastslim. The same source is served
by uvicorn on each, and `_fuzz.py kitchen-sink` sends every generated request to
both: path, query, header and cookie parameters (single, lists, constrained, enums,
literals, dates), parameter models of each location, forms and form models, files,
nested JSON bodies with constraints (one body, an embedded one, several), plain
dependencies with parameters of their own, and response models that filter.
"""

from __future__ import annotations

import os
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

if os.environ.get("KITCHEN_SINK_FRAMEWORK") == "fastapi":
    import fastapi as framework
else:
    import fastslim as framework  # type: ignore[no-redef]

Body = framework.Body
Cookie = framework.Cookie
Depends = framework.Depends
File = framework.File
Form = framework.Form
Header = framework.Header
Path = framework.Path
Query = framework.Query
UploadFile = framework.UploadFile

app = framework.FastAPI(title="kitchen sink", version="1")


class Kind(StrEnum):
    book = "book"
    tool = "tool"
    food = "food"


class Dimensions(BaseModel):
    width: float = Field(gt=0, le=1000)
    height: float = Field(gt=0, le=1000)


class Variant(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{3}-[0-9]{3}$")
    stock: int = Field(ge=0, le=10_000)


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=40)
    price: float = Field(gt=0, le=1_000_000)
    kind: Kind = Kind.book
    tags: list[str] = Field(default_factory=list, max_length=5)
    dimensions: Dimensions | None = None
    variants: list[Variant] = Field(default_factory=list, max_length=3)


class ItemOut(BaseModel):
    id: int
    name: str
    price: float
    kind: Kind
    tags: list[str]
    dimensions: Dimensions | None = None
    variant_count: int


class User(BaseModel):
    username: str = Field(min_length=3, max_length=20)
    full_name: str | None = None


class Note(BaseModel):
    text: str = Field(max_length=100)
    pinned: bool = False


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(10, ge=1, le=100)
    offset: int = Field(0, ge=0)
    order: Literal["asc", "desc"] = "asc"
    tags: list[str] = []


class Tenancy(BaseModel):
    x_tenant: str = Field(min_length=2, max_length=16)
    x_trace_id: int | None = None


class Prefs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    theme: Literal["light", "dark"] = "light"
    lang: str = Field("en", min_length=2, max_length=5)


class Shelf(BaseModel):
    """Answered under camelCase aliases (`response_model_by_alias`, the default)."""

    model_config = ConfigDict(populate_by_name=True)

    shelf_id: int = Field(alias="shelfId")
    item_count: int = Field(alias="itemCount")
    label: str | None = None


class Signup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=20)
    age: int = Field(ge=13, le=130)
    newsletter: bool = False


def item_out(item_id: int, item: Item) -> ItemOut:
    return ItemOut(
        id=item_id,
        name=item.name,
        price=item.price,
        kind=item.kind,
        tags=item.tags,
        dimensions=item.dimensions,
        variant_count=len(item.variants),
    )


def paging(
    skip: Annotated[int, Query(ge=0, le=1000)] = 0,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, int]:
    return {"skip": skip, "limit": limit}


@app.get("/paths/{item_id}/{kind}")
def read_path(item_id: Annotated[int, Path(ge=1, le=1000)], kind: Kind) -> dict[str, int | str]:
    return {"item_id": item_id, "kind": kind.value}


@app.get("/query")
def read_query(
    q: Annotated[str | None, Query(min_length=2, max_length=10)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    ratio: Annotated[float, Query(gt=0, lt=1)] = 0.5,
    flag: bool = False,
    ids: Annotated[list[int], Query()] = [],  # noqa: B006 (as the FastAPI docs declare lists)
    tags: Annotated[list[str] | None, Query(alias="tag")] = None,
    order: Literal["asc", "desc"] = "asc",
    day: date | None = None,
) -> dict[str, object]:
    return {
        "q": q,
        "limit": limit,
        "ratio": ratio,
        "flag": flag,
        "ids": ids,
        "tags": tags,
        "order": order,
        "day": day,
    }


@app.get("/query-model")
def read_query_model(filters: Annotated[Filters, Query()]) -> Filters:
    return filters


@app.get("/headers")
def read_headers(
    x_token: Annotated[str, Header(min_length=3, max_length=30)],
    x_ids: Annotated[list[int], Header()] = [],  # noqa: B006 (as the FastAPI docs declare lists)
    x_mode: Annotated[Literal["fast", "safe"], Header()] = "safe",
) -> dict[str, object]:
    return {"x_token": x_token, "x_ids": x_ids, "x_mode": x_mode}


@app.get("/header-model")
def read_header_model(tenancy: Annotated[Tenancy, Header()]) -> Tenancy:
    return tenancy


@app.get("/cookies")
def read_cookies(
    session: Annotated[str, Cookie(min_length=4, max_length=40)],
    visits: Annotated[int, Cookie(ge=0)] = 0,
) -> dict[str, object]:
    return {"session": session, "visits": visits}


@app.get("/cookie-model")
def read_cookie_model(prefs: Annotated[Prefs, Cookie()]) -> Prefs:
    return prefs


@app.get("/depends")
def read_depends(
    page: Annotated[dict[str, int], Depends(paging)],
    q: Annotated[str | None, Query(max_length=20)] = None,
) -> dict[str, object]:
    return {"page": page, "q": q}


@app.post("/form")
def post_form(
    name: Annotated[str, Form(min_length=1, max_length=20)],
    age: Annotated[int, Form(ge=0, le=150)],
    tags: Annotated[list[str], Form()] = [],  # noqa: B006 (as the FastAPI docs declare lists)
    agree: Annotated[bool, Form()] = False,
) -> dict[str, object]:
    return {"name": name, "age": age, "tags": tags, "agree": agree}


@app.post("/form-model")
def post_form_model(signup: Annotated[Signup, Form()]) -> Signup:
    return signup


@app.post("/files")
async def post_files(
    data: Annotated[bytes, File()],
    upload: UploadFile,
    note: Annotated[str, Form(max_length=50)] = "",
) -> dict[str, object]:
    content = await upload.read()
    return {"data": len(data), "upload": len(content), "note": note}


@app.post("/items", status_code=201, response_model=ItemOut)
def create_item(item: Item) -> ItemOut:
    return item_out(1, item)


@app.put("/items/{item_id}", response_model=ItemOut, response_model_exclude_none=True)
def replace_item(
    item_id: Annotated[int, Path(ge=1, le=1000)],
    item: Item,
    q: Annotated[str | None, Query(max_length=10)] = None,
) -> ItemOut:
    return item_out(item_id, item)


@app.post("/items/{item_id}/embedded")
def embedded_item(
    item_id: Annotated[int, Path(ge=1, le=1000)],
    item: Annotated[Item, Body(embed=True)],
) -> ItemOut:
    return item_out(item_id, item)


@app.post("/orders")
def create_order(
    item: Item,
    user: User,
    quantity: Annotated[int, Body(gt=0, le=100)],
    note: Note | None = None,
) -> dict[str, object]:
    return {"item": item.name, "user": user.username, "quantity": quantity, "note": note}


@app.post("/stock")
def post_stock(counts: dict[str, Annotated[int, Field(ge=0)]]) -> dict[str, int]:
    return {"total": sum(counts.values())}


@app.post("/variants")
def post_variants(
    variants: Annotated[list[Variant], Body(max_length=5)],
) -> list[Variant]:
    return variants


@app.post("/uploads")
async def post_uploads(
    files: list[UploadFile],
    labels: Annotated[list[str], Form()] = [],  # noqa: B006 (as the FastAPI docs declare lists)
) -> dict[str, object]:
    sizes = [len(await file.read()) for file in files]
    return {"sizes": sizes, "labels": labels}


@app.get("/aliases/{shelf_id}", response_model=Shelf, response_model_exclude_unset=True)
def read_aliases(
    shelf_id: Annotated[int, Path(ge=0)],
    item_count: Annotated[int, Query(alias="item-count", ge=0, le=500)] = 0,
    label: Annotated[str | None, Query(validation_alias="shelf-label", max_length=12)] = None,
    x_shelf_zone: Annotated[str | None, Header(convert_underscores=False)] = None,
) -> Shelf:
    if label is None and x_shelf_zone is None:
        return Shelf(shelfId=shelf_id, itemCount=item_count)
    return Shelf(shelfId=shelf_id, itemCount=item_count, label=label or x_shelf_zone)
