"""`fastslim.middleware`, as `fastapi.middleware`: Starlette's middleware declaration."""

from starlette.middleware import Middleware as Middleware

__all__ = ("Middleware",)
