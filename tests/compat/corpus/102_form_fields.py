"""Form fields: required, defaults, lists, aliases, empty strings as missing, other bodies."""

from typing import Annotated

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/one")
def one(
    name: Annotated[str, Form()],
    age: Annotated[int, Form(ge=0)] = 3,
    tags: Annotated[list[str], Form()] = [],  # noqa: B006
    nick: Annotated[str | None, Form(alias="nick-name")] = None,
) -> dict[str, object]:
    return {"name": name, "age": age, "tags": tags, "nick": nick}


@app.post("/optional")
def optional(
    name: Annotated[str | None, Form()] = None, n: Annotated[float | None, Form()] = None
) -> dict[str, object]:
    return {"name": name, "n": n}


@app.post("/old-style")
def old_style(a: str = Form(...), b: bool = Form(False)) -> dict[str, object]:
    return {"a": a, "b": b}


CASES = [
    (
        "all",
        "POST",
        "/one",
        {"data": {"name": "x", "age": "5", "tags": ["a", "b"], "nick-name": "n"}},
    ),
    (
        "multipart",
        "POST",
        "/one",
        {"data": {"name": "x", "tags": "t"}, "files": {"z": ("z.txt", b"z")}},
    ),
    ("empty-name", "POST", "/one", {"data": {"name": ""}}),
    ("empty-age", "POST", "/one", {"data": {"name": "x", "age": "", "nick-name": ""}}),
    ("no-body", "POST", "/one"),
    ("json-body", "POST", "/one", {"json": {"name": "x"}}),
    (
        "text-body",
        "POST",
        "/one",
        {"content": b"name=x", "headers": {"content-type": "text/plain"}},
    ),
    ("bad-int", "POST", "/one", {"data": {"name": "x", "age": "zz"}}),
    ("negative", "POST", "/one", {"data": {"name": "x", "age": "-1"}}),
    ("repeated-scalar", "POST", "/one", {"data": {"name": ["a", "b"]}}),
    ("field-name-not-alias", "POST", "/one", {"data": {"name": "x", "nick": "n"}}),
    ("optional-empty", "POST", "/optional", {"data": {"name": "", "n": ""}}),
    ("optional-set", "POST", "/optional", {"data": {"name": "a", "n": "1.5"}}),
    ("old-style", "POST", "/old-style", {"data": {"a": "1", "b": "yes"}}),
    ("old-style-missing", "POST", "/old-style", {"data": {"b": "maybe"}}),
]
