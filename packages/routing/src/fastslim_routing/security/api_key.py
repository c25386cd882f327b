"""`fastslim.security.api_key`, as `fastapi.security.api_key`: API keys in a query
parameter, a header or a cookie."""

from __future__ import annotations

from typing import ClassVar

from starlette.requests import HTTPConnection

from ..exceptions import HTTPException
from ..openapi.models import APIKey, APIKeyIn
from ._errors import not_authenticated
from .base import SecurityBase

__all__ = ("APIKeyBase", "APIKeyCookie", "APIKeyHeader", "APIKeyQuery")


class APIKeyBase(SecurityBase):
    """An API key read from one place of the request; `model` is its OpenAPI object."""

    model: APIKey

    def __init__(
        self,
        *,
        location: APIKeyIn,
        name: str,
        description: str | None,
        scheme_name: str | None,
        auto_error: bool,
    ) -> None:
        self.model = APIKey(**{"in": location}, name=name, description=description)  # type: ignore[arg-type]
        self.scheme_name = scheme_name or self.__class__.__name__
        self.auto_error = auto_error

    def make_not_authenticated_error(self) -> HTTPException:
        """The error raised without a key: 401 with `WWW-Authenticate: APIKey`
        (override to change it)."""
        return not_authenticated("APIKey")

    def check_api_key(self, api_key: str | None) -> str | None:
        """The key, or None (`auto_error=False`) when missing or empty.

        Raises the error of `make_not_authenticated_error()` when `auto_error`.
        """
        if not api_key:
            if self.auto_error:
                raise self.make_not_authenticated_error()
            return None
        return api_key


class _APIKeyIn(APIKeyBase):
    """An API key in one location of the request, named `name` (the location is the
    subclass's `location`)."""

    location: ClassVar[APIKeyIn]

    def __init__(
        self,
        *,
        name: str,
        scheme_name: str | None = None,
        description: str | None = None,
        auto_error: bool = True,
    ) -> None:
        super().__init__(
            location=self.location,
            name=name,
            description=description,
            scheme_name=scheme_name,
            auto_error=auto_error,
        )


class APIKeyQuery(_APIKeyIn):
    """An API key in the query parameter `name` (`?api_key=...`)."""

    location = APIKeyIn.query

    async def __call__(self, request: HTTPConnection) -> str | None:
        return self.check_api_key(request.query_params.get(self.model.name))


class APIKeyHeader(_APIKeyIn):
    """An API key in the header `name`."""

    location = APIKeyIn.header

    async def __call__(self, request: HTTPConnection) -> str | None:
        return self.check_api_key(request.headers.get(self.model.name))


class APIKeyCookie(_APIKeyIn):
    """An API key in the cookie `name`."""

    location = APIKeyIn.cookie

    async def __call__(self, request: HTTPConnection) -> str | None:
        return self.check_api_key(request.cookies.get(self.model.name))
