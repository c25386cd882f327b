"""Route order: the first declared route that matches wins."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/users/me")
def me() -> dict[str, str]:
    return {"user_id": "the current user"}


@app.get("/users/{user_id}")
def user(user_id: str) -> dict[str, str]:
    return {"user_id": user_id}


@app.get("/items/{item_id}")
def item(item_id: str) -> dict[str, str]:
    return {"item_id": item_id}


@app.get("/items/latest")
def latest() -> str:
    return "never reached"


@app.get("/typed/{n}")
def typed(n: int) -> int:
    return n


@app.get("/typed/word")
def typed_word() -> str:
    return "word"


@app.get("/dup")
def dup_one() -> str:
    return "first"


@app.get("/dup")
def dup_two() -> str:
    return "second"


CASES = [
    ("me", "GET", "/users/me"),
    ("user", "GET", "/users/42"),
    ("latest-shadowed", "GET", "/items/latest"),
    ("typed-int", "GET", "/typed/3"),
    ("typed-word-422", "GET", "/typed/word"),
    ("dup", "GET", "/dup"),
]
