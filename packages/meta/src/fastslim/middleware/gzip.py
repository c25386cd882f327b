"""`fastslim.middleware.gzip`, as `fastapi.middleware.gzip`: Starlette's gzip middleware."""

from starlette.middleware.gzip import GZipMiddleware as GZipMiddleware

__all__ = ("GZipMiddleware",)
