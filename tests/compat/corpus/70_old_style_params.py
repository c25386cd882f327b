"""Parameters declared as defaults (Query(None), Header(None), Body(...)), the older style."""

from fastapi import Body, Cookie, FastAPI, Header, Path, Query
from pydantic import BaseModel


class Item(BaseModel):
    name: str


app = FastAPI()


@app.get("/items/{item_id}")
def read(
    item_id: int = Path(..., ge=1),
    q: str | None = Query(None, max_length=3),
    tags: list[str] = Query([]),
    user_agent: str | None = Header(None),
    session: str = Cookie("none"),
) -> dict[str, object]:
    return {"item_id": item_id, "q": q, "tags": tags, "ua": user_agent, "session": session}


@app.post("/items")
def create(item: Item = Body(..., embed=True), note: str = Body("-")) -> dict[str, object]:  # noqa: B008
    return {"item": item, "note": note}


@app.get("/required")
def required(q: str = Query(...)) -> str:
    return q


CASES = [
    ("read", "GET", "/items/3?q=abc&tags=x&tags=y", {"cookies": {"session": "s"}}),
    ("read-defaults", "GET", "/items/1"),
    ("read-bad", "GET", "/items/0?q=abcd"),
    ("create", "POST", "/items", {"json": {"item": {"name": "n"}, "note": "hi"}}),
    ("create-missing", "POST", "/items", {"json": {"note": "hi"}}),
    ("required-missing", "GET", "/required"),
    ("required", "GET", "/required?q="),
]
