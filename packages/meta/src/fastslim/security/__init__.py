"""`fastslim.security`, as `fastapi.security`: security scopes (schemes come with routing)."""

from fastslim_di import SecurityScopes as SecurityScopes

__all__ = ("SecurityScopes",)
