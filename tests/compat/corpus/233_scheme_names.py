"""Security scheme names and descriptions in components: custom names, two schemes of
one class, HTTPBasic with a realm, OpenID Connect, OAuth2 with several flows."""

from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.openapi.models import OAuthFlowImplicit, OAuthFlows
from fastapi.security import APIKeyHeader, HTTPBasic, OAuth2, OpenIdConnect

first = APIKeyHeader(name="X-First", scheme_name="first", description="First key")
second = APIKeyHeader(name="X-Second")
basic = HTTPBasic(realm="admin area", description="Admins only")
oidc = OpenIdConnect(openIdConnectUrl="https://id.example.com/.well-known", scheme_name="oidc")
flows = OAuth2(
    flows=OAuthFlows(
        implicit=OAuthFlowImplicit(authorizationUrl="https://auth/i", scopes={"a": "A"}),
        clientCredentials={"tokenUrl": "https://auth/t", "scopes": {}},  # type: ignore[arg-type]
    ),
    description="Several flows",
)

app = FastAPI()


@app.get("/keys")
def keys(a: Annotated[str, Depends(first)], b: Annotated[str, Depends(second)]) -> list[str]:
    return [a, b]


@app.get("/admin", dependencies=[Depends(basic)])
def admin() -> str:
    return "admin"


@app.get("/oidc")
def read_oidc(token: Annotated[str, Depends(oidc)], other: Annotated[str, Depends(flows)]) -> str:
    return token


CASES = [
    ("keys", "GET", "/keys", {"headers": {"x-first": "1", "x-second": "2"}}),
    ("admin-missing", "GET", "/admin"),
]
