"""`fastslim.security.base`, as `fastapi.security.base`: what every security scheme has."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..openapi.models import SecurityBase as SecurityBaseModel

__all__ = ("SecurityBase",)


class SecurityBase:
    """A security scheme: a dependency that reads credentials from the request.

    `model` is the scheme's OpenAPI object (in `components.securitySchemes`,
    under `scheme_name`); a route whose dependencies include the scheme lists it
    in its `security` requirements, with the scopes of `Security(..., scopes=)`.
    """

    model: SecurityBaseModel
    scheme_name: str
