"""Sub-dependencies, caching within a request, use_cache=False, parameters of dependencies."""

from typing import Annotated

from fastapi import Depends, FastAPI, Query

app = FastAPI()
CALLS: list[str] = []


def counter() -> int:
    CALLS.append("counter")
    return len(CALLS)


def query_extractor(q: str | None = None) -> str | None:
    return q


def query_or_cookie(
    q: Annotated[str | None, Depends(query_extractor)], last: str | None = None
) -> str | None:
    return q or last


def paging(skip: int = 0, limit: Annotated[int, Query(le=100)] = 10) -> dict[str, int]:
    return {"skip": skip, "limit": limit}


@app.get("/cached")
def cached(a: Annotated[int, Depends(counter)], b: Annotated[int, Depends(counter)]) -> list[int]:
    return [a, b]


@app.get("/uncached")
def uncached(
    a: Annotated[int, Depends(counter)], b: Annotated[int, Depends(counter, use_cache=False)]
) -> list[int]:
    return [a, b]


@app.get("/sub")
async def sub(value: Annotated[str | None, Depends(query_or_cookie)]) -> dict[str, object]:
    return {"value": value}


@app.get("/paging")
def get_paging(p: Annotated[dict[str, int], Depends(paging)], q: str = "") -> dict[str, object]:
    return {**p, "q": q}


@app.get("/shared-param")
def shared(
    p: Annotated[dict[str, int], Depends(paging)], limit: Annotated[int, Query(le=100)] = 10
) -> list[object]:
    return [p, limit]


@app.get("/calls")
def calls() -> list[str]:
    return CALLS


CASES = [
    ("cached", "GET", "/cached"),
    ("uncached", "GET", "/uncached"),
    ("calls", "GET", "/calls"),
    ("sub-none", "GET", "/sub"),
    ("sub-q", "GET", "/sub?q=a&last=b"),
    ("sub-last", "GET", "/sub?last=b"),
    ("paging", "GET", "/paging?skip=5&limit=20&q=z"),
    ("paging-bad", "GET", "/paging?skip=x&limit=101"),
    ("shared-param", "GET", "/shared-param?limit=3"),
    ("shared-param-bad", "GET", "/shared-param?limit=300"),
]
