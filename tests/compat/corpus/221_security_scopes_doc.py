"""Scopes accumulated along Security() chains in the document's requirements."""

from typing import Annotated

from fastapi import Depends, FastAPI, Security
from fastapi.security import OAuth2AuthorizationCodeBearer, SecurityScopes

code = OAuth2AuthorizationCodeBearer(
    authorizationUrl="https://auth/authorize",
    tokenUrl="https://auth/token",
    refreshUrl="https://auth/refresh",
    scopes={"me": "Me", "items": "Items", "admin": "Admin"},
    description="Code flow",
)


def user(scopes: SecurityScopes, token: Annotated[str, Depends(code)]) -> dict[str, object]:
    return {"scopes": scopes.scopes, "token": token}


def active(u: Annotated[dict[str, object], Security(user, scopes=["me"])]) -> dict[str, object]:
    return u


app = FastAPI()


@app.get("/me")
def me(u: Annotated[dict[str, object], Depends(active)]) -> dict[str, object]:
    return u


@app.get("/items")
def items(u: Annotated[dict[str, object], Security(active, scopes=["items"])]) -> dict[str, object]:
    return u


@app.get("/admin", dependencies=[Security(user, scopes=["admin"])])
def admin(u: Annotated[dict[str, object], Security(active, scopes=["items"])]) -> dict[str, object]:
    return u


CASES = [("items", "GET", "/items", {"headers": {"Authorization": "Bearer x"}})]
