"""API keys in a query parameter, a header and a cookie; optional keys; 401 + APIKey."""

from typing import Annotated

from fastapi import Depends, FastAPI, Security
from fastapi.security import APIKeyCookie, APIKeyHeader, APIKeyQuery

app = FastAPI()
query_key = APIKeyQuery(name="api_key", description="A key in the query")
header_key = APIKeyHeader(name="X-API-Key", scheme_name="header-key")
cookie_key = APIKeyCookie(name="session")
optional_key = APIKeyHeader(name="X-Maybe", auto_error=False)


@app.get("/query")
def read_query(key: Annotated[str, Depends(query_key)]) -> str:
    return key


@app.get("/header")
def read_header(key: Annotated[str, Security(header_key)]) -> str:
    return key


@app.get("/cookie")
def read_cookie(key: Annotated[str, Depends(cookie_key)]) -> str:
    return key


@app.get("/optional")
def read_optional(key: Annotated[str | None, Depends(optional_key)]) -> str | None:
    return key


@app.get("/both")
def read_both(
    a: Annotated[str, Depends(query_key)], b: Annotated[str, Depends(header_key)]
) -> list[str]:
    return [a, b]


CASES = [
    ("query-missing", "GET", "/query"),
    ("query-empty", "GET", "/query?api_key="),
    ("query-ok", "GET", "/query?api_key=secret"),
    ("header-missing", "GET", "/header"),
    ("header-ok", "GET", "/header", {"headers": {"x-api-key": "k"}}),
    ("cookie-missing", "GET", "/cookie"),
    ("cookie-ok", "GET", "/cookie", {"cookies": {"session": "s1"}}),
    ("optional-missing", "GET", "/optional"),
    ("optional-empty", "GET", "/optional", {"headers": {"x-maybe": ""}}),
    ("optional-ok", "GET", "/optional", {"headers": {"x-maybe": "m"}}),
    ("both-one", "GET", "/both?api_key=a"),
    ("both-ok", "GET", "/both?api_key=a", {"headers": {"x-api-key": "b"}}),
]
