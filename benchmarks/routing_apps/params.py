"""Path and query parameters with constraints, and a list query parameter."""

# No return annotation on purpose: in FastAPI one would add a response model.
# mypy: disable-error-code="no-untyped-def"

from typing import Annotated, Literal

from fastapi import FastAPI, Path, Query

app = FastAPI()


@app.get("/users/{user_id}/items/{item_id}")
async def read_item(
    user_id: Annotated[int, Path(ge=1)],
    item_id: Annotated[str, Path(min_length=3, max_length=20)],
    q: Annotated[str | None, Query(max_length=50)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: Literal["asc", "desc"] = "asc",
    tags: Annotated[list[str] | None, Query()] = None,
):
    return {
        "user_id": user_id,
        "item_id": item_id,
        "q": q,
        "limit": limit,
        "offset": offset,
        "order": order,
        "tags": tags,
    }
