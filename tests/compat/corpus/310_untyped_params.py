"""Parameters without annotations or with Any: where they are read from and what they become."""

from typing import Any

from fastapi import FastAPI

app = FastAPI()


@app.get("/untyped/{p}")
def untyped(p, q, r=None, s=3):  # type: ignore[no-untyped-def]
    return {"p": p, "q": q, "r": r, "s": s}


@app.get("/any")
def any_param(a: Any = None, d: dict = {}) -> dict[str, object]:  # type: ignore[type-arg]  # noqa: B006
    return {"a": a, "d": d}


@app.post("/any-body")
def any_body(payload: dict[str, Any], extra: Any = None) -> list[object]:
    return [payload, extra]


CASES = [
    ("untyped", "GET", "/untyped/1?q=2&s=x"),
    ("untyped-missing", "GET", "/untyped/1"),
    ("any-query", "GET", "/any?a=1"),
    ("any-with-dict-body", "GET", "/any", {"json": {"k": 1}}),
    ("any-body", "POST", "/any-body?extra=5", {"json": {"k": [1]}}),
]
