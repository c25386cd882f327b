"""HTTP security schemes: Basic, Bearer, Digest and a custom scheme; 401 and challenges."""

from typing import Annotated, Any

from fastapi import Depends, FastAPI
from fastapi.security import (
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    HTTPDigest,
)
from fastapi.security.http import HTTPBase

app = FastAPI()
basic = HTTPBasic()
basic_realm = HTTPBasic(realm="simple", description="Basic with a realm")
basic_optional = HTTPBasic(auto_error=False)
bearer = HTTPBearer(bearerFormat="JWT", scheme_name="jwt")
bearer_optional = HTTPBearer(auto_error=False)
digest = HTTPDigest()
custom = HTTPBase(scheme="custom")


@app.get("/basic")
def read_basic(creds: Annotated[HTTPBasicCredentials, Depends(basic)]) -> dict[str, str]:
    return {"username": creds.username, "password": creds.password}


@app.get("/basic-realm")
def read_basic_realm(creds: Annotated[HTTPBasicCredentials, Depends(basic_realm)]) -> str:
    return creds.username


@app.get("/basic-optional")
def read_basic_optional(
    creds: Annotated[HTTPBasicCredentials | None, Depends(basic_optional)],
) -> Any:
    return creds


@app.get("/bearer")
def read_bearer(creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> Any:
    return creds


@app.get("/bearer-optional")
def read_bearer_optional(
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_optional)],
) -> Any:
    return creds


@app.get("/digest")
def read_digest(creds: Annotated[HTTPAuthorizationCredentials, Depends(digest)]) -> Any:
    return creds


@app.get("/custom")
def read_custom(creds: Annotated[HTTPAuthorizationCredentials, Depends(custom)]) -> Any:
    return creds


CASES = [
    ("basic-missing", "GET", "/basic"),
    ("basic-ok", "GET", "/basic", {"headers": {"Authorization": "Basic am9objpzZTpjcmV0"}}),
    ("basic-no-colon", "GET", "/basic", {"headers": {"Authorization": "Basic am9obg=="}}),
    ("basic-bad-b64", "GET", "/basic", {"headers": {"Authorization": "Basic !!!"}}),
    ("basic-other-scheme", "GET", "/basic", {"headers": {"Authorization": "Bearer x"}}),
    ("basic-empty", "GET", "/basic", {"headers": {"Authorization": "Basic"}}),
    ("basic-lower", "GET", "/basic", {"headers": {"Authorization": "basic am9objpw"}}),
    ("realm-missing", "GET", "/basic-realm"),
    ("optional-missing", "GET", "/basic-optional"),
    ("optional-bad", "GET", "/basic-optional", {"headers": {"Authorization": "Basic !!!"}}),
    ("optional-other", "GET", "/basic-optional", {"headers": {"Authorization": "Digest x"}}),
    ("bearer-missing", "GET", "/bearer"),
    ("bearer-ok", "GET", "/bearer", {"headers": {"Authorization": "Bearer tok"}}),
    ("bearer-spaces", "GET", "/bearer", {"headers": {"Authorization": "bearer   tok  "}}),
    ("bearer-empty", "GET", "/bearer", {"headers": {"Authorization": "Bearer"}}),
    ("bearer-wrong", "GET", "/bearer", {"headers": {"Authorization": "Basic tok"}}),
    ("bearer-opt-missing", "GET", "/bearer-optional"),
    ("bearer-opt-wrong", "GET", "/bearer-optional", {"headers": {"Authorization": "Basic x"}}),
    ("digest-missing", "GET", "/digest"),
    ("digest-ok", "GET", "/digest", {"headers": {"Authorization": "Digest a=1, b=2"}}),
    ("digest-wrong", "GET", "/digest", {"headers": {"Authorization": "Bearer a"}}),
    ("custom-missing", "GET", "/custom"),
    ("custom-any", "GET", "/custom", {"headers": {"Authorization": "Other y"}}),
    ("custom-no-creds", "GET", "/custom", {"headers": {"Authorization": "Other"}}),
]
