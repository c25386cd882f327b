"""Query parameters: alias, validation_alias with AliasChoices and AliasPath, serialization."""

from typing import Annotated

from fastapi import FastAPI, Query
from pydantic import AliasChoices, AliasPath

app = FastAPI()


@app.get("/alias")
def alias(item_id: Annotated[int, Query(alias="item-id")]) -> dict[str, int]:
    return {"item_id": item_id}


@app.get("/choices")
def choices(
    name: Annotated[str, Query(validation_alias=AliasChoices("name", "n", "nm"))],
) -> str:
    return name


@app.get("/choices-int")
def choices_int(
    size: Annotated[int, Query(validation_alias=AliasChoices("size", "s"))] = 3,
) -> int:
    return size


@app.get("/path-alias")
def path_alias(
    first: Annotated[str | None, Query(validation_alias=AliasPath("tags", 0))] = None,
) -> str | None:
    return first


@app.get("/both")
def both(value: Annotated[str, Query(alias="v", validation_alias="val")]) -> str:
    return value


CASES = [
    ("alias", "GET", "/alias?item-id=4"),
    ("alias-by-name", "GET", "/alias?item_id=4"),
    ("alias-bad", "GET", "/alias?item-id=four"),
    ("choices-first", "GET", "/choices?name=a"),
    ("choices-second", "GET", "/choices?n=b"),
    ("choices-third", "GET", "/choices?nm=c"),
    ("choices-order", "GET", "/choices?nm=c&n=b"),
    ("choices-missing", "GET", "/choices"),
    ("choices-int-second-bad", "GET", "/choices-int?s=x"),
    ("choices-int-default", "GET", "/choices-int"),
    ("choices-int-second", "GET", "/choices-int?s=9"),
    ("path-alias-none", "GET", "/path-alias"),
    ("path-alias-one", "GET", "/path-alias?tags=x"),
    ("both-validation-alias", "GET", "/both?val=1"),
    ("both-alias", "GET", "/both?v=1"),
    ("both-missing", "GET", "/both"),
]
