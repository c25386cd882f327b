"""`fastslim.security.open_id_connect_url`, as `fastapi.security.open_id_connect_url`."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from ..exceptions import HTTPException
from ..openapi.models import OpenIdConnect as OpenIdConnectModel
from ._errors import not_authenticated
from .base import SecurityBase

__all__ = ("OpenIdConnect",)


class OpenIdConnect(SecurityBase):
    """OpenID Connect discovery at `openIdConnectUrl`; gives the raw `Authorization`
    header (any scheme), or raises 401 (None with `auto_error=False`) without one."""

    model: OpenIdConnectModel

    def __init__(
        self,
        *,
        openIdConnectUrl: str,
        scheme_name: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        self.model = OpenIdConnectModel(openIdConnectUrl=openIdConnectUrl, description=description)
        self.scheme_name = scheme_name or self.__class__.__name__
        self.auto_error = auto_error

    def make_not_authenticated_error(self) -> HTTPException:
        """401 `Not authenticated` with `WWW-Authenticate: Bearer` (override to change)."""
        return not_authenticated("Bearer")

    async def __call__(self, request: HTTPConnection) -> str | None:
        authorization = request.headers.get("Authorization")
        if not authorization:
            if self.auto_error:
                raise self.make_not_authenticated_error()
            return None
        return authorization
