"""`fastslim.security.oauth2`, as `fastapi.security.oauth2`: OAuth2 flows whose token
comes in `Authorization: Bearer <token>`."""

from __future__ import annotations

from typing import Annotated, Any

from starlette.requests import HTTPConnection

from fastslim_di import SecurityScopes

from ..exceptions import HTTPException
from ..openapi.models import OAuth2 as OAuth2Model
from ..openapi.models import OAuthFlows as OAuthFlowsModel
from ..param_functions import Form
from ._errors import not_authenticated
from .base import SecurityBase
from .utils import get_authorization_scheme_param

__all__ = (
    "OAuth2",
    "OAuth2AuthorizationCodeBearer",
    "OAuth2PasswordBearer",
    "OAuth2PasswordRequestForm",
    "OAuth2PasswordRequestFormStrict",
    "SecurityScopes",
)


class OAuth2(SecurityBase):
    """OAuth2 with the given `flows` (an `OAuthFlows` or its dict); gives the raw
    `Authorization` header (any scheme), or raises 401 (None with
    `auto_error=False`) without one. Subclass it for another flow."""

    model: OAuth2Model

    def __init__(
        self,
        *,
        flows: OAuthFlowsModel | dict[str, dict[str, Any]] = OAuthFlowsModel(),  # noqa: B008
        scheme_name: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        flows_model = (
            flows if isinstance(flows, OAuthFlowsModel) else OAuthFlowsModel.model_validate(flows)
        )
        self.model = OAuth2Model(flows=flows_model, description=description)
        self.scheme_name = scheme_name or self.__class__.__name__
        self.auto_error = auto_error

    def make_not_authenticated_error(self) -> HTTPException:
        """401 `Not authenticated` with `WWW-Authenticate: Bearer` (override to change)."""
        return not_authenticated("Bearer")

    def _missing(self) -> None:
        if self.auto_error:
            raise self.make_not_authenticated_error()

    async def __call__(self, request: HTTPConnection) -> str | None:
        authorization = request.headers.get("Authorization")
        if not authorization:
            self._missing()
            return None
        return authorization


class _BearerToken(OAuth2):
    async def __call__(self, request: HTTPConnection) -> str | None:
        authorization = request.headers.get("Authorization")
        scheme, param = get_authorization_scheme_param(authorization)
        if not authorization or scheme.lower() != "bearer":
            self._missing()
            return None
        return param


class OAuth2PasswordBearer(_BearerToken):
    """OAuth2's password flow (the token from `tokenUrl`); gives the bearer token.

    A missing header or another scheme: 401 `Not authenticated` with
    `WWW-Authenticate: Bearer` (None with `auto_error=False`).
    """

    def __init__(
        self,
        tokenUrl: str,
        scheme_name: str | None = None,
        scopes: dict[str, str] | None = None,
        description: str | None = None,
        auto_error: bool = True,
        refreshUrl: str | None = None,
    ) -> None:
        flow: dict[str, Any] = {"tokenUrl": tokenUrl, "scopes": scopes or {}}
        if refreshUrl is not None:
            flow["refreshUrl"] = refreshUrl
        super().__init__(
            flows={"password": flow},
            scheme_name=scheme_name,
            description=description,
            auto_error=auto_error,
        )


class OAuth2AuthorizationCodeBearer(_BearerToken):
    """OAuth2's authorization code flow; gives the bearer token (as
    `OAuth2PasswordBearer`)."""

    def __init__(
        self,
        authorizationUrl: str,
        tokenUrl: str,
        refreshUrl: str | None = None,
        scheme_name: str | None = None,
        scopes: dict[str, str] | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        flow: dict[str, Any] = {
            "authorizationUrl": authorizationUrl,
            "tokenUrl": tokenUrl,
            "scopes": scopes or {},
        }
        if refreshUrl is not None:
            flow["refreshUrl"] = refreshUrl
        super().__init__(
            flows={"authorizationCode": flow},
            scheme_name=scheme_name,
            description=description,
            auto_error=auto_error,
        )


class OAuth2PasswordRequestForm:
    """The form of OAuth2's password flow, as a dependency class: `username`,
    `password`, `scope` (space-separated, given as the list `scopes`), optional
    `grant_type` ("password" when sent), `client_id` and `client_secret`.
    Needs python-multipart (a form)."""

    def __init__(
        self,
        *,
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
        username: Annotated[str, Form()],
        password: Annotated[str, Form(json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[str | None, Form()] = None,
        client_secret: Annotated[str | None, Form(json_schema_extra={"format": "password"})] = None,
    ) -> None:
        self.grant_type = grant_type
        self.username = username
        self.password = password
        self.scopes = scope.split()
        self.client_id = client_id
        self.client_secret = client_secret


class OAuth2PasswordRequestFormStrict(OAuth2PasswordRequestForm):
    """`OAuth2PasswordRequestForm` with `grant_type` required (it must be "password")."""

    def __init__(
        self,
        grant_type: Annotated[str, Form(pattern="^password$")],
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[str | None, Form()] = None,
        client_secret: Annotated[str | None, Form()] = None,
    ) -> None:
        super().__init__(
            grant_type=grant_type,
            username=username,
            password=password,
            scope=scope,
            client_id=client_id,
            client_secret=client_secret,
        )
