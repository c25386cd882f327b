"""Cookie parameters: required, optional, aliases, types."""

from typing import Annotated

from fastapi import Cookie, FastAPI

app = FastAPI()


@app.get("/session")
def session(session_id: Annotated[str, Cookie()]) -> dict[str, str]:
    return {"session_id": session_id}


@app.get("/prefs")
def prefs(
    theme: Annotated[str, Cookie()] = "light",
    visits: Annotated[int | None, Cookie(ge=0)] = None,
) -> list[object]:
    return [theme, visits]


@app.get("/alias")
def alias(token: Annotated[str, Cookie(alias="auth-token")]) -> str:
    return token


CASES = [
    ("session", "GET", "/session", {"cookies": {"session_id": "s1"}}),
    ("session-missing", "GET", "/session"),
    ("session-other-cookie", "GET", "/session", {"cookies": {"other": "x"}}),
    ("session-header", "GET", "/session", {"headers": {"Cookie": "a=1; session_id=s2; b=2"}}),
    ("session-quoted", "GET", "/session", {"headers": {"Cookie": 'session_id="q v"'}}),
    ("prefs-default", "GET", "/prefs"),
    ("prefs-set", "GET", "/prefs", {"cookies": {"theme": "dark", "visits": "3"}}),
    ("prefs-bad", "GET", "/prefs", {"cookies": {"visits": "-1"}}),
    ("prefs-word", "GET", "/prefs", {"cookies": {"visits": "many"}}),
    ("alias", "GET", "/alias", {"cookies": {"auth-token": "t"}}),
    ("alias-by-name", "GET", "/alias", {"cookies": {"token": "t"}}),
]
