"""`fastslim.security.http`, as `fastapi.security.http`."""

from fastslim_routing.security.http import (
    HTTPAuthorizationCredentials as HTTPAuthorizationCredentials,
)
from fastslim_routing.security.http import HTTPBase as HTTPBase
from fastslim_routing.security.http import HTTPBasic as HTTPBasic
from fastslim_routing.security.http import HTTPBasicCredentials as HTTPBasicCredentials
from fastslim_routing.security.http import HTTPBearer as HTTPBearer
from fastslim_routing.security.http import HTTPDigest as HTTPDigest

__all__ = (
    "HTTPAuthorizationCredentials",
    "HTTPBase",
    "HTTPBasic",
    "HTTPBasicCredentials",
    "HTTPBearer",
    "HTTPDigest",
)
