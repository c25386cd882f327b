"""Edge cases of query strings, cookie headers and header values, read through parameters."""

from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Request

app = FastAPI()


@app.get("/query")
def query(request: Request, a: str | None = None, b: list[str] = []) -> dict[str, object]:  # noqa: B006
    return {"a": a, "b": b, "raw": sorted(request.query_params.multi_items())}


@app.get("/cookies")
def cookies(
    request: Request,
    a: Annotated[str | None, Cookie()] = None,
    b: Annotated[str | None, Cookie()] = None,
) -> dict[str, object]:
    return {"a": a, "b": b, "all": request.cookies}


@app.get("/header")
def header(x_v: Annotated[str | None, Header()] = None) -> dict[str, object]:
    return {"x_v": x_v}


CASES = [
    ("query-no-value", "GET", "/query?a"),
    ("query-empty-pairs", "GET", "/query?a=1&&b=2&"),
    ("query-empty-name", "GET", "/query?=x&a=y"),
    ("query-bad-percent", "GET", "/query?a=%zz&b=%E2%9C"),
    ("query-plus", "GET", "/query?a=1+2%2B3"),
    ("query-semicolon", "GET", "/query?a=1;b=2"),
    ("query-repeated-scalar", "GET", "/query?a=1&a=2&b=3&b=4"),
    ("cookie-spaces", "GET", "/cookies", {"headers": {"Cookie": "  a = 1 ;b=2  "}}),
    ("cookie-no-value", "GET", "/cookies", {"headers": {"Cookie": "a; b=2"}}),
    ("cookie-duplicate", "GET", "/cookies", {"headers": {"Cookie": "a=first; a=second"}}),
    ("cookie-quoted-escape", "GET", "/cookies", {"headers": {"Cookie": 'a="x\\"y"; b="\\073"'}}),
    ("cookie-two-headers", "GET", "/cookies", {"headers": [("Cookie", "a=1"), ("Cookie", "b=2")]}),
    ("header-whitespace", "GET", "/header", {"headers": {"X-V": "  padded  "}}),
    ("header-latin1", "GET", "/header", {"headers": {"X-V": b"caf\xe9"}}),
    ("header-repeated", "GET", "/header", {"headers": [("X-V", "1"), ("X-V", "2")]}),
]
