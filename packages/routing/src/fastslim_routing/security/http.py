"""`fastslim.security.http`, as `fastapi.security.http`: HTTP authentication schemes
(`Authorization: Basic ...`, `Bearer ...`, `Digest ...`)."""

from __future__ import annotations

import binascii
from base64 import b64decode

from pydantic import BaseModel
from starlette.requests import HTTPConnection

from ..exceptions import HTTPException
from ..openapi.models import HTTPBase as HTTPBaseModel
from ..openapi.models import HTTPBearer as HTTPBearerModel
from ..status import HTTP_401_UNAUTHORIZED
from .base import SecurityBase
from .utils import get_authorization_scheme_param

__all__ = (
    "HTTPAuthorizationCredentials",
    "HTTPBase",
    "HTTPBasic",
    "HTTPBasicCredentials",
    "HTTPBearer",
    "HTTPDigest",
)


class HTTPBasicCredentials(BaseModel):
    """The user name and password of `HTTPBasic`."""

    username: str
    password: str


class HTTPAuthorizationCredentials(BaseModel):
    """An `Authorization` header split at its first space: `scheme` and `credentials`
    (`Bearer deadbeef` -> `scheme="Bearer"`, `credentials="deadbeef"`)."""

    scheme: str
    credentials: str


class HTTPBase(SecurityBase):
    """An HTTP authentication `scheme`; gives the header's scheme and credentials.

    Without both (and `auto_error=True`), raises 401 `Not authenticated` with
    `WWW-Authenticate: <Scheme>`; with `auto_error=False`, gives None.
    """

    model: HTTPBaseModel

    def __init__(
        self,
        *,
        scheme: str,
        scheme_name: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        self.model = HTTPBaseModel(scheme=scheme, description=description)
        self.scheme_name = scheme_name or self.__class__.__name__
        self.auto_error = auto_error

    def make_authenticate_headers(self) -> dict[str, str]:
        """The headers of the 401 response (override to change the challenge)."""
        return {"WWW-Authenticate": f"{self.model.scheme.title()}"}

    def make_not_authenticated_error(self) -> HTTPException:
        """The error raised without valid credentials (override, e.g. to answer 403)."""
        return HTTPException(
            status_code=HTTP_401_UNAUTHORIZED,
            detail="Not authenticated",
            headers=self.make_authenticate_headers(),
        )

    def _missing(self) -> None:
        if self.auto_error:
            raise self.make_not_authenticated_error()

    def _credentials(self, request: HTTPConnection) -> HTTPAuthorizationCredentials | None:
        scheme, credentials = get_authorization_scheme_param(request.headers.get("Authorization"))
        if not (scheme and credentials):
            self._missing()
            return None
        return HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials)

    async def __call__(self, request: HTTPConnection) -> HTTPAuthorizationCredentials | None:
        return self._credentials(request)


class _SchemeChecked(HTTPBase):
    """An HTTP scheme that also checks the header's scheme (case-insensitively)."""

    async def __call__(self, request: HTTPConnection) -> HTTPAuthorizationCredentials | None:
        found = self._credentials(request)
        if found is not None and found.scheme.lower() != self.model.scheme:
            self._missing()
            return None
        return found


class HTTPBearer(_SchemeChecked):
    """`Authorization: Bearer <token>`; gives `HTTPAuthorizationCredentials`."""

    model: HTTPBearerModel

    def __init__(
        self,
        *,
        bearerFormat: str | None = None,
        scheme_name: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        self.model = HTTPBearerModel(bearerFormat=bearerFormat, description=description)
        self.scheme_name = scheme_name or self.__class__.__name__
        self.auto_error = auto_error


class HTTPDigest(_SchemeChecked):
    """`Authorization: Digest <...>`; gives `HTTPAuthorizationCredentials` (the
    digest itself is for the app to check)."""

    def __init__(
        self,
        *,
        scheme_name: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        super().__init__(
            scheme="digest",
            scheme_name=scheme_name,
            description=description,
            auto_error=auto_error,
        )


class HTTPBasic(HTTPBase):
    """`Authorization: Basic <base64 of user:password>`; gives `HTTPBasicCredentials`.

    A missing header or another scheme: 401 (or None with `auto_error=False`).
    Credentials that are not base64 of ASCII `user:password`: 401 always.
    """

    def __init__(
        self,
        *,
        scheme_name: str | None = None,
        realm: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        super().__init__(
            scheme="basic", scheme_name=scheme_name, description=description, auto_error=auto_error
        )
        self.realm = realm

    def make_authenticate_headers(self) -> dict[str, str]:
        if self.realm:
            return {"WWW-Authenticate": f'Basic realm="{self.realm}"'}
        return {"WWW-Authenticate": "Basic"}

    async def __call__(  # type: ignore[override]
        self, request: HTTPConnection
    ) -> HTTPBasicCredentials | None:
        authorization = request.headers.get("Authorization")
        scheme, param = get_authorization_scheme_param(authorization)
        if not authorization or scheme.lower() != "basic":
            self._missing()
            return None
        try:
            data = b64decode(param).decode("ascii")
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise self.make_not_authenticated_error() from None
        username, separator, password = data.partition(":")
        if not separator:
            raise self.make_not_authenticated_error()
        return HTTPBasicCredentials(username=username, password=password)
