"""openapi_extra, include_in_schema=False (route, parameter, router), deprecated, tags."""

from enum import Enum
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query


class Tags(Enum):
    items = "items"
    admin = "admin"


app = FastAPI()
hidden = APIRouter()
old = APIRouter(deprecated=True, tags=["old"])


@hidden.get("/secret")
def secret() -> str:
    return "s"


@old.get("/legacy")
def legacy() -> str:
    return "l"


@app.get(
    "/items",
    tags=[Tags.items, "extra"],
    openapi_extra={"x-aperture-labs-portal": "blue", "parameters": [{"name": "x", "in": "query"}]},
    summary="List",
    description="Every item",
)
def items(
    q: Annotated[str | None, Query(include_in_schema=False)] = None,
    old_param: Annotated[int, Query(deprecated=True, description="Old")] = 0,
) -> str:
    return "ok"


@app.get("/private", include_in_schema=False)
def private() -> str:
    return "p"


@app.get("/deprecated", deprecated=True, operation_id="custom_op")
def deprecated() -> str:
    return "d"


app.include_router(hidden, include_in_schema=False)
app.include_router(old, prefix="/v0", tags=["v0"])
CASES = [("items", "GET", "/items"), ("secret", "GET", "/secret")]
