"""`fastslim.security.base`, as `fastapi.security.base`."""

from fastslim_routing.security.base import SecurityBase as SecurityBase

__all__ = ("SecurityBase",)
