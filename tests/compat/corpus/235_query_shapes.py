"""Query parameter shapes: lists with defaults, sets, tuples, Json, AliasChoices,
include_in_schema=False."""

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
    choice: Annotated[str | None, Query(validation_alias=AliasChoices("c", "choice"))] = None,
    hidden: Annotated[int, Query(include_in_schema=False)] = 0,
) -> dict[str, object]:
    return {"ids": ids}


CASES = [("items", "GET", "/items?ids=3&ids=4")]
