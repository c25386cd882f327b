"""`Depends` and `Security`: how a parameter declares a dependency."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, Literal

from ._callables import callable_name
from ._limiter import SlotLimiter

DependencyScope = Literal["function", "request", "app"]
"""The lifetime of a dependency's value (and of its yield cleanup).

- `"function"`: ends right after the function that received it returns;
- `"request"`: ends when the request scope closes (default of yield dependencies);
- `"app"`: created once per container, cleaned up when the container shuts down.
"""


def _check_max_concurrency(value: object) -> None:
    if value is None:
        return
    if type(value) is not int or value < 1:
        raise ValueError("max_concurrency must be a positive integer or None")


def _describe(depends: Depends, extra: list[str]) -> str:
    dependency = depends.dependency
    parts = [] if dependency is None else [callable_name(dependency)]
    parts.extend(extra)
    return f"{type(depends).__name__}({', '.join(parts)})"


@dataclass(frozen=True, repr=False)
class Depends:
    """Declare that a parameter's value is the result of calling `dependency`.

    Use it as the default value (`db = Depends(get_db)`) or in `Annotated`
    (`db: Annotated[DB, Depends(get_db)]`). With no `dependency`, the annotated
    type is called (`Annotated[Settings, Depends()]`).

    - `use_cache=False` calls the dependency again even if another parameter of
      the same solve already did.
    - `scope` sets the lifetime of a yield dependency (see `DependencyScope`);
      `None` means `"request"` for a yield dependency and "this solve" otherwise.
      Values other than the three scopes are accepted, as FastAPI does, and
      behave like `"request"`.
    - `max_concurrency` bounds how many calls of the dependency made through
      *this* `Depends` object run at once (a yield dependency holds its slot until
      its cleanup; a cached reuse takes no slot). Anything but a positive
      `int` or `None` raises `ValueError("max_concurrency must be a positive
      integer or None")`, as FastAPI does.

    Instances are frozen and hashable.
    """

    dependency: Callable[..., Any] | None = None
    _: KW_ONLY
    use_cache: bool = True
    scope: DependencyScope | None = None
    max_concurrency: int | None = None
    _limiter: SlotLimiter | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        _check_max_concurrency(self.max_concurrency)
        if self.max_concurrency is not None:
            object.__setattr__(self, "_limiter", SlotLimiter(self.max_concurrency))

    def __repr__(self) -> str:
        extra = [] if self.use_cache else ["use_cache=False"]
        if self.scope is not None:
            extra.append(f"scope={self.scope!r}")
        if self.max_concurrency is not None:
            extra.append(f"max_concurrency={self.max_concurrency}")
        return _describe(self, extra)

    @property
    def limiter(self) -> SlotLimiter | None:
        """The slots shared by every call made through this object, if limited."""
        return self._limiter


@dataclass(frozen=True, init=False, repr=False)
class Security(Depends):
    """A `Depends` that also requires OAuth2 `scopes`.

    The scopes accumulate from the outermost `Security` inwards; a dependency
    receives them by declaring a parameter of type `SecurityScopes`. A single
    string as `scopes` raises `TypeError` (write a list).
    """

    scopes: tuple[str, ...] | None = None

    def __init__(
        self,
        dependency: Callable[..., Any] | None = None,
        *,
        scopes: Sequence[str] | None = None,
        use_cache: bool = True,
    ) -> None:
        if isinstance(scopes, str):
            raise TypeError(
                f"Security() expects scopes to be a sequence of strings, not the string "
                f"{scopes!r}; write scopes=[{scopes!r}]."
            )
        object.__setattr__(self, "dependency", dependency)
        object.__setattr__(self, "use_cache", use_cache)
        object.__setattr__(self, "scope", None)
        object.__setattr__(self, "max_concurrency", None)
        object.__setattr__(self, "_limiter", None)
        object.__setattr__(self, "scopes", None if scopes is None else tuple(scopes))

    def __repr__(self) -> str:
        extra = [] if self.scopes is None else [f"scopes={list(self.scopes)!r}"]
        if not self.use_cache:
            extra.append("use_cache=False")
        return _describe(self, extra)
