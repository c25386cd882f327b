"""`fastslim.security.api_key`, as `fastapi.security.api_key`."""

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
