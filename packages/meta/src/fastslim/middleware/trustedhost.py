"""`fastslim.middleware.trustedhost`, as `fastapi.middleware.trustedhost`."""

from starlette.middleware.trustedhost import TrustedHostMiddleware as TrustedHostMiddleware

__all__ = ("TrustedHostMiddleware",)
