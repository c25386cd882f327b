"""Query parameter shapes: lists with defaults, sets, tuples, Json, AliasChoices,
include_in_schema=False, `= ...` defaults (required, shown as not required)."""

from typing import Annotated

from fastapi import FastAPI, Query
from pydantic import AliasChoices, Json

app = FastAPI()


@app.get("/items")
def items(
    ids: Annotated[list[int], Query()] = [1, 2],  # noqa: B006
    tags: Annotated[set[str] | None, Query()] = None,
    pair: Annotated[tuple[int, ...], Query()] = (),
    data: Annotated[Json[list[str]] | None, Query()] = None,
    needed: Annotated[str | None, Query()] = ...,  # type: ignore[assignment]
    count: Annotated[int, Query()] = ...,  # type: ignore[assignment]
    choice: Annotated[str | None, Query(validation_alias=AliasChoices("c", "choice"))] = None,
    hidden: Annotated[int, Query(include_in_schema=False)] = 0,
) -> dict[str, object]:
    return {"ids": ids}


CASES = [("items", "GET", "/items?ids=3&ids=4&needed=x&count=2")]
