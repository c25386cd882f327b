"""OAuth2 bearers (password, authorization code), plain OAuth2 and OpenID Connect, with
scopes and the documented override hooks (403 restored, custom challenge)."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import (
    HTTPBearer,
    OAuth2,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OpenIdConnect,
    SecurityScopes,
)

app = FastAPI()
password = OAuth2PasswordBearer(
    tokenUrl="token", scopes={"me": "Read me", "items": "Read items"}, refreshUrl="refresh"
)
code = OAuth2AuthorizationCodeBearer(authorizationUrl="auth", tokenUrl="token", auto_error=False)
plain = OAuth2(flows={"clientCredentials": {"tokenUrl": "cc", "scopes": {"a": "A"}}})
oidc = OpenIdConnect(openIdConnectUrl="https://example.com/.well-known/openid-configuration")


class Forbidding(HTTPBearer):
    def make_not_authenticated_error(self) -> HTTPException:
        return HTTPException(status_code=403, detail="Not authenticated")


class Challenged(OAuth2PasswordBearer):
    def make_not_authenticated_error(self) -> HTTPException:
        return HTTPException(
            status_code=401, detail="Who are you?", headers={"WWW-Authenticate": "Bearer realm=x"}
        )


forbidding = Forbidding()
challenged = Challenged(tokenUrl="t2")


def current_user(
    scopes: SecurityScopes, token: Annotated[str, Depends(password)]
) -> dict[str, object]:
    return {"token": token, "scopes": scopes.scopes, "scope_str": scopes.scope_str}


@app.get("/me")
def me(
    user: Annotated[dict[str, object], Security(current_user, scopes=["me"])],
) -> dict[str, object]:
    return user


@app.get("/items")
def items(
    user: Annotated[dict[str, object], Security(current_user, scopes=["me", "items"])],
) -> dict[str, object]:
    return user


@app.get("/code")
def read_code(token: Annotated[str | None, Depends(code)]) -> str | None:
    return token


@app.get("/plain")
def read_plain(token: Annotated[str, Depends(plain)]) -> str:
    return token


@app.get("/oidc")
def read_oidc(token: Annotated[str, Depends(oidc)]) -> str:
    return token


@app.get("/forbidding")
def read_forbidding(creds: Annotated[object, Depends(forbidding)]) -> str:
    return "ok"


@app.get("/challenged")
def read_challenged(token: Annotated[str, Depends(challenged)]) -> str:
    return token


CASES = [
    ("me-missing", "GET", "/me"),
    ("me-ok", "GET", "/me", {"headers": {"Authorization": "Bearer abc"}}),
    ("me-basic", "GET", "/me", {"headers": {"Authorization": "Basic abc"}}),
    ("me-empty-token", "GET", "/me", {"headers": {"Authorization": "Bearer"}}),
    ("items-ok", "GET", "/items", {"headers": {"Authorization": "bearer  xyz "}}),
    ("code-missing", "GET", "/code"),
    ("code-wrong", "GET", "/code", {"headers": {"Authorization": "Token t"}}),
    ("code-ok", "GET", "/code", {"headers": {"Authorization": "Bearer t"}}),
    ("plain-missing", "GET", "/plain"),
    ("plain-any", "GET", "/plain", {"headers": {"Authorization": "Whatever x"}}),
    ("oidc-missing", "GET", "/oidc"),
    ("oidc-any", "GET", "/oidc", {"headers": {"Authorization": "Basic y"}}),
    ("forbidding", "GET", "/forbidding"),
    ("challenged", "GET", "/challenged"),
]
