"""`fastslim.security.http`, as `fastapi.security.http`."""

from pydantic import BaseModel as BaseModel
from starlette.requests import HTTPConnection as HTTPConnection
from starlette.status import HTTP_401_UNAUTHORIZED as HTTP_401_UNAUTHORIZED

from fastslim.exceptions import HTTPException as HTTPException
from fastslim.security.base import SecurityBase as SecurityBase
from fastslim.security.utils import get_authorization_scheme_param as get_authorization_scheme_param
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
