"""Security() and SecurityScopes: scopes collected along the dependency chain."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import SecurityScopes

app = FastAPI()


def get_token(security_scopes: SecurityScopes, token: str = "") -> dict[str, object]:
    granted = token.split(",") if token else []
    missing = [s for s in security_scopes.scopes if s not in granted]
    if missing:
        raise HTTPException(
            401,
            detail=f"missing scopes: {missing}",
            headers={"WWW-Authenticate": f'Bearer scope="{security_scopes.scope_str}"'},
        )
    return {"scopes": security_scopes.scopes, "granted": granted}


def get_user(
    token: Annotated[dict[str, object], Security(get_token, scopes=["me"])],
) -> dict[str, object]:
    return token


@app.get("/me")
def me(user: Annotated[dict[str, object], Depends(get_user)]) -> dict[str, object]:
    return user


@app.get("/items")
def items(
    user: Annotated[dict[str, object], Security(get_user, scopes=["items"])],
) -> dict[str, object]:
    return user


@app.get("/plain")
def plain(security_scopes: SecurityScopes) -> list[str]:
    return security_scopes.scopes


CASES = [
    ("me-ok", "GET", "/me?token=me"),
    ("me-missing", "GET", "/me"),
    ("items-ok", "GET", "/items?token=me,items"),
    ("items-partial", "GET", "/items?token=me"),
    ("plain", "GET", "/plain"),
]
