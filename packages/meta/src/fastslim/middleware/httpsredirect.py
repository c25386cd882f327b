"""`fastslim.middleware.httpsredirect`, as `fastapi.middleware.httpsredirect`."""

from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware as HTTPSRedirectMiddleware

__all__ = ("HTTPSRedirectMiddleware",)
