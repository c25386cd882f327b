"""`fastslim.security.api_key`, as `fastapi.security.api_key`."""

from starlette.exceptions import HTTPException as HTTPException
from starlette.requests import HTTPConnection as HTTPConnection
from starlette.status import HTTP_401_UNAUTHORIZED as HTTP_401_UNAUTHORIZED

from fastslim.openapi.models import APIKey as APIKey
from fastslim.openapi.models import APIKeyIn as APIKeyIn
from fastslim.security.base import SecurityBase as SecurityBase
from fastslim_routing.security.api_key import APIKeyBase as APIKeyBase
from fastslim_routing.security.api_key import APIKeyCookie as APIKeyCookie
from fastslim_routing.security.api_key import APIKeyHeader as APIKeyHeader
from fastslim_routing.security.api_key import APIKeyQuery as APIKeyQuery

__all__ = (
    "APIKeyBase",
    "APIKeyCookie",
    "APIKeyHeader",
    "APIKeyQuery",
)
