"""`fastslim.middleware.wsgi`, as `fastapi.middleware.wsgi`: Starlette's WSGI middleware.

Starlette deprecates it (a `StarletteDeprecationWarning` when this module is first
imported, as with FastAPI's); a2wsgi is the suggested replacement.
"""

from starlette.middleware.wsgi import WSGIMiddleware as WSGIMiddleware

__all__ = ("WSGIMiddleware",)
