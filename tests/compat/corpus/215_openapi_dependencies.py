"""Parameters of dependencies in the document: sub-dependencies, classes, route and
router dependencies, a dependency used twice, required beating optional."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, Query

app = FastAPI()


def pagination(skip: int = 0, limit: Annotated[int, Query(le=100)] = 10) -> dict[str, int]:
    return {"skip": skip, "limit": limit}


class Filter:
    def __init__(self, q: str | None = None, tag: Annotated[list[str], Query()] = []) -> None:  # noqa: B006
        self.q = q
        self.tag = tag


def token(x_token: Annotated[str, Header()]) -> str:
    return x_token


def user(t: Annotated[str, Depends(token)], lang: str = "en") -> str:
    return t + lang


router = APIRouter(dependencies=[Depends(token)])


@router.get("/items")
def items(
    page: Annotated[dict[str, int], Depends(pagination)],
    f: Annotated[Filter, Depends()],
    u: Annotated[str, Depends(user)],
    again: Annotated[dict[str, int], Depends(pagination)],
    skip: int,
) -> dict[str, object]:
    return {"page": page, "q": f.q}


@app.get("/plain", dependencies=[Depends(pagination)])
def plain(limit: str | None = None) -> str:
    return "ok"


app.include_router(router, dependencies=[Depends(user)])
CASES = [("items", "GET", "/items?skip=1", {"headers": {"x-token": "t"}})]
