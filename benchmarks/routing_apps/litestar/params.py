"""Path and query parameters (Litestar twin of `routing_apps/params.py`)."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from typing import Annotated, Literal

from litestar import Litestar, get
from litestar.params import Parameter


@get("/users/{user_id:int}/items/{item_id:str}")
async def read_item(
    user_id: Annotated[int, Parameter(ge=1)],
    item_id: Annotated[str, Parameter(min_length=3, max_length=20)],
    q: Annotated[str | None, Parameter(max_length=50)] = None,
    limit: Annotated[int, Parameter(ge=1, le=100)] = 10,
    offset: Annotated[int, Parameter(ge=0)] = 0,
    order: Literal["asc", "desc"] = "asc",
    tags: list[str] | None = None,
) -> dict[str, object]:
    return {
        "user_id": user_id,
        "item_id": item_id,
        "q": q,
        "limit": limit,
        "offset": offset,
        "order": order,
        "tags": tags,
    }


app = Litestar([read_item])
