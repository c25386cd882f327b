"""`fastslim.middleware.cors`, as `fastapi.middleware.cors`: Starlette's CORS middleware."""

from starlette.middleware.cors import CORSMiddleware as CORSMiddleware

__all__ = ("CORSMiddleware",)
