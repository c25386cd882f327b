"""`fastslim.security.open_id_connect_url`, as `fastapi.security.open_id_connect_url`."""

from starlette.exceptions import HTTPException as HTTPException
from starlette.requests import HTTPConnection as HTTPConnection
from starlette.status import HTTP_401_UNAUTHORIZED as HTTP_401_UNAUTHORIZED

from fastslim.security.base import SecurityBase as SecurityBase
from fastslim_routing.security.open_id_connect_url import OpenIdConnect as OpenIdConnect

__all__ = ("OpenIdConnect",)
