"""`fastslim.security`, as `fastapi.security`: the security schemes and `SecurityScopes`."""

from fastslim_routing.security import APIKeyCookie as APIKeyCookie
from fastslim_routing.security import APIKeyHeader as APIKeyHeader
from fastslim_routing.security import APIKeyQuery as APIKeyQuery
from fastslim_routing.security import HTTPAuthorizationCredentials as HTTPAuthorizationCredentials
from fastslim_routing.security import HTTPBasic as HTTPBasic
from fastslim_routing.security import HTTPBasicCredentials as HTTPBasicCredentials
from fastslim_routing.security import HTTPBearer as HTTPBearer
from fastslim_routing.security import HTTPDigest as HTTPDigest
from fastslim_routing.security import OAuth2 as OAuth2
from fastslim_routing.security import OAuth2AuthorizationCodeBearer as OAuth2AuthorizationCodeBearer
from fastslim_routing.security import OAuth2PasswordBearer as OAuth2PasswordBearer
from fastslim_routing.security import OAuth2PasswordRequestForm as OAuth2PasswordRequestForm
from fastslim_routing.security import (
    OAuth2PasswordRequestFormStrict as OAuth2PasswordRequestFormStrict,
)
from fastslim_routing.security import OpenIdConnect as OpenIdConnect
from fastslim_routing.security import SecurityScopes as SecurityScopes

__all__ = (
    "APIKeyCookie",
    "APIKeyHeader",
    "APIKeyQuery",
    "HTTPAuthorizationCredentials",
    "HTTPBasic",
    "HTTPBasicCredentials",
    "HTTPBearer",
    "HTTPDigest",
    "OAuth2",
    "OAuth2AuthorizationCodeBearer",
    "OAuth2PasswordBearer",
    "OAuth2PasswordRequestForm",
    "OAuth2PasswordRequestFormStrict",
    "OpenIdConnect",
    "SecurityScopes",
)
