"""The error every security scheme raises: 401 `Not authenticated`, with a challenge."""

from __future__ import annotations

from ..exceptions import HTTPException
from ..status import HTTP_401_UNAUTHORIZED


def not_authenticated(challenge: str) -> HTTPException:
    """`HTTPException(401, "Not authenticated")` with `WWW-Authenticate: <challenge>`."""
    return HTTPException(
        status_code=HTTP_401_UNAUTHORIZED,
        detail="Not authenticated",
        headers={"WWW-Authenticate": challenge},
    )
