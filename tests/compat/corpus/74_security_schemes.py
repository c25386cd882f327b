"""Built-in security schemes: missing and wrong credentials give 401 with a challenge."""

from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    OAuth2PasswordBearer,
)

app = FastAPI()
bearer = HTTPBearer()
optional_bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic(realm="corpus")
header_key = APIKeyHeader(name="X-API-Key")
query_key = APIKeyQuery(name="api_key")
cookie_key = APIKeyCookie(name="key")
oauth2 = OAuth2PasswordBearer(tokenUrl="token")


@app.get("/bearer")
def read_bearer(creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> list[str]:
    return [creds.scheme, creds.credentials]


@app.get("/optional-bearer")
def read_optional(
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(optional_bearer)],
) -> list[str] | None:
    return [creds.scheme, creds.credentials] if creds else None


@app.get("/basic")
def read_basic(creds: Annotated[HTTPBasicCredentials, Depends(basic)]) -> list[str]:
    return [creds.username, creds.password]


@app.get("/keys")
def read_keys(
    h: Annotated[str, Depends(header_key)],
    q: Annotated[str, Depends(query_key)],
    c: Annotated[str, Depends(cookie_key)],
) -> list[str]:
    return [h, q, c]


@app.get("/oauth2")
def read_oauth2(token: Annotated[str, Depends(oauth2)]) -> str:
    return token


CASES = [
    ("bearer", "GET", "/bearer", {"headers": {"Authorization": "Bearer abc"}}),
    ("bearer-spaces", "GET", "/bearer", {"headers": {"Authorization": "bearer   tok  "}}),
    ("bearer-missing", "GET", "/bearer"),
    ("bearer-wrong-scheme", "GET", "/bearer", {"headers": {"Authorization": "Basic abc"}}),
    ("bearer-no-credentials", "GET", "/bearer", {"headers": {"Authorization": "Bearer"}}),
    ("optional-missing", "GET", "/optional-bearer"),
    ("optional-wrong", "GET", "/optional-bearer", {"headers": {"Authorization": "Token x"}}),
    ("basic", "GET", "/basic", {"headers": {"Authorization": "Basic dXNlcjpwYXNz"}}),
    ("basic-missing", "GET", "/basic"),
    ("basic-bad-base64", "GET", "/basic", {"headers": {"Authorization": "Basic !!!"}}),
    ("basic-no-colon", "GET", "/basic", {"headers": {"Authorization": "Basic dXNlcg=="}}),
    ("keys", "GET", "/keys?api_key=q", {"headers": {"X-API-Key": "h"}, "cookies": {"key": "c"}}),
    ("keys-missing", "GET", "/keys"),
    (
        "keys-empty-header",
        "GET",
        "/keys?api_key=q",
        {"headers": {"X-API-Key": ""}, "cookies": {"key": "c"}},
    ),
    ("oauth2", "GET", "/oauth2", {"headers": {"Authorization": "Bearer t"}}),
    ("oauth2-other-scheme", "GET", "/oauth2", {"headers": {"Authorization": "Token t"}}),
    ("oauth2-missing", "GET", "/oauth2"),
]
