"""`SecurityScopes`: the OAuth2 scopes accumulated along a chain of `Security`."""

from __future__ import annotations

from collections.abc import Sequence


class SecurityScopes:
    """The scopes required by every `Security(...)` from the outermost one inwards.

    Declare a parameter of this type in a dependency to receive them; `scopes` is
    the list and `scope_str` the space-separated string (as in an OAuth2
    `WWW-Authenticate` header).
    """

    __slots__ = ("scope_str", "scopes")

    def __init__(self, scopes: Sequence[str] | None = None) -> None:
        self.scopes: list[str] = list(scopes or [])
        self.scope_str: str = " ".join(self.scopes)

    def __repr__(self) -> str:
        return f"SecurityScopes(scopes={self.scopes!r})"
