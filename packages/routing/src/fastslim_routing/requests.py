"""`fastslim.requests`, as `fastapi.requests`: Starlette's request classes."""

from starlette.requests import HTTPConnection as HTTPConnection
from starlette.requests import Request as Request

__all__ = ("HTTPConnection", "Request")
