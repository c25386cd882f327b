"""What wins when a dependency raises and parameters are invalid in the same request."""

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()
CALLED: list[str] = []


def auth(x_user: Annotated[str | None, Header()] = None) -> str:
    CALLED.append("auth")
    if x_user is None:
        raise HTTPException(401, "who are you?")
    return x_user


def needs_int(n: int) -> int:
    CALLED.append("needs_int")
    return n


@app.get("/a")
def a(user: Annotated[str, Depends(auth)], q: int) -> list[object]:
    return [user, q]


@app.get("/b")
def b(n: Annotated[int, Depends(needs_int)], user: Annotated[str, Depends(auth)]) -> list[object]:
    return [n, user]


@app.get("/called")
def called() -> list[str]:
    copy = list(CALLED)
    CALLED.clear()
    return copy


CASES = [
    ("a-both-bad", "GET", "/a?q=x"),
    ("a-called", "GET", "/called"),
    ("a-auth-ok-q-bad", "GET", "/a?q=x", {"headers": {"X-User": "u"}}),
    ("b-both-bad", "GET", "/b?n=x"),
    ("b-called", "GET", "/called"),
    ("b-auth-bad", "GET", "/b?n=1"),
    ("b-called-again", "GET", "/called"),
]
