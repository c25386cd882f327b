"""Security scopes declared at app, router, include and route level, collected for a dependency."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Security
from fastapi.security import SecurityScopes

SEEN: list[list[str]] = []


def scopes(security_scopes: SecurityScopes) -> list[str]:
    SEEN.append(list(security_scopes.scopes))
    return security_scopes.scopes


app = FastAPI(dependencies=[Security(scopes, scopes=["app"])])
router = APIRouter(dependencies=[Security(scopes, scopes=["router"])])


@router.get("/route", dependencies=[Security(scopes, scopes=["route"])])
def route(s: Annotated[list[str], Security(scopes, scopes=["param"])]) -> list[str]:
    return s


@router.get("/plain")
def plain(s: Annotated[list[str], Depends(scopes)]) -> list[str]:
    return s


app.include_router(router, dependencies=[Security(scopes, scopes=["include"])])


@app.get("/seen")
def seen() -> list[list[str]]:
    copy = list(SEEN)
    SEEN.clear()
    return copy


CASES = [
    ("route", "GET", "/route"),
    ("seen-route", "GET", "/seen"),
    ("plain", "GET", "/plain"),
    ("seen-plain", "GET", "/seen"),
]
