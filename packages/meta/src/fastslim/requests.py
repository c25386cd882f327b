"""`fastslim.requests`, as `fastapi.requests`: Starlette's request classes."""

from fastslim_routing.requests import HTTPConnection as HTTPConnection
from fastslim_routing.requests import Request as Request

__all__ = ("HTTPConnection", "Request")
