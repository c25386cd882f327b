"""`fastslim.security.utils`, as `fastapi.security.utils`."""

from __future__ import annotations

__all__ = ("get_authorization_scheme_param",)


def get_authorization_scheme_param(authorization_header_value: str | None) -> tuple[str, str]:
    """Split an `Authorization` header value at its first space: `(scheme, credentials)`.

    The credentials are stripped of surrounding whitespace; a missing or empty
    value gives `("", "")`. `"Bearer  tok "` -> `("Bearer", "tok")`.
    """
    if not authorization_header_value:
        return "", ""
    scheme, _, param = authorization_header_value.partition(" ")
    return scheme, param.strip()
