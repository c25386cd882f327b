"""Header parameters: underscore conversion, aliases, lists, repeated headers."""

from typing import Annotated

from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/agent")
def agent(user_agent: Annotated[str | None, Header()] = None) -> dict[str, object]:
    return {"user_agent": user_agent}


@app.get("/token")
def token(x_token: Annotated[str, Header()]) -> str:
    return x_token


@app.get("/raw")
def raw(
    strange_header: Annotated[str | None, Header(convert_underscores=False)] = None,
) -> dict[str, object]:
    return {"strange_header": strange_header}


@app.get("/alias")
def alias(value: Annotated[int, Header(alias="X-Value")]) -> int:
    return value


@app.get("/list")
def listed(x_tag: Annotated[list[str] | None, Header()] = None) -> dict[str, object]:
    return {"x_tag": x_tag}


@app.get("/ints")
def ints(x_n: Annotated[list[int], Header()]) -> int:
    return sum(x_n)


@app.get("/single")
def single(x_tag: Annotated[str, Header()]) -> str:
    return x_tag


CASES = [
    ("agent-default", "GET", "/agent"),
    ("agent-set", "GET", "/agent", {"headers": {"User-Agent": "probe/1"}}),
    ("token", "GET", "/token", {"headers": {"X-Token": "abc"}}),
    ("token-case", "GET", "/token", {"headers": {"x-TOKEN": "abc"}}),
    ("token-underscore-ignored", "GET", "/token", {"headers": {"x_token": "abc"}}),
    ("token-missing", "GET", "/token"),
    ("token-empty", "GET", "/token", {"headers": {"X-Token": ""}}),
    ("raw-hyphen-ignored", "GET", "/raw", {"headers": {"strange-header": "a"}}),
    ("raw-underscore", "GET", "/raw", {"headers": {"strange_header": "b"}}),
    ("alias", "GET", "/alias", {"headers": {"x-value": "5"}}),
    ("alias-bad", "GET", "/alias", {"headers": {"X-Value": "five"}}),
    ("alias-missing", "GET", "/alias", {"headers": {"value": "5"}}),
    ("list-none", "GET", "/list"),
    ("list-repeated", "GET", "/list", {"headers": [("X-Tag", "a"), ("X-Tag", "b")]}),
    ("list-comma-not-split", "GET", "/list", {"headers": {"X-Tag": "a, b"}}),
    ("ints", "GET", "/ints", {"headers": [("x-n", "1"), ("x-n", "2")]}),
    ("ints-bad", "GET", "/ints", {"headers": [("x-n", "1"), ("x-n", "z")]}),
    ("single-repeated-last", "GET", "/single", {"headers": [("X-Tag", "a"), ("X-Tag", "b")]}),
]
