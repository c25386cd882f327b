"""`fastslim.param_functions`, as `fastapi.param_functions`: `Query(...)` and friends.

Each function returns the declaration object of `fastslim.params` (a pydantic
`FieldInfo`) and is typed to return `Any`, so `q: int = Query(3)` type-checks,
as with FastAPI. `Depends` and `Security` return fastslim-di's declarations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastslim_di import DependencyScope

from . import datastructures, params

__all__ = ("Body", "Cookie", "Depends", "File", "Form", "Header", "Path", "Query", "Security")

_Unset: Any = datastructures._Unset  # FastAPI's sentinel, one object


def Path(default: Any = ..., **kwargs: Any) -> Any:
    """A path parameter (FastAPI docs: Path Parameters and Numeric Validations)."""
    return params.Path(default, **kwargs)


def Query(default: Any = _Unset, **kwargs: Any) -> Any:
    """A query parameter (FastAPI docs: Query Parameters and String Validations)."""
    return params.Query(default, **kwargs)


def Header(default: Any = _Unset, **kwargs: Any) -> Any:
    """A header parameter; underscores become hyphens unless `convert_underscores=False`."""
    return params.Header(default, **kwargs)


def Cookie(default: Any = _Unset, **kwargs: Any) -> Any:
    """A cookie parameter."""
    return params.Cookie(default, **kwargs)


def Body(default: Any = _Unset, **kwargs: Any) -> Any:
    """A body parameter; `embed=True` reads it from a key of the JSON object."""
    return params.Body(default, **kwargs)


def Form(default: Any = _Unset, **kwargs: Any) -> Any:
    """A form field."""
    return params.Form(default, **kwargs)


def File(default: Any = _Unset, **kwargs: Any) -> Any:
    """An uploaded file of a multipart form."""
    return params.File(default, **kwargs)


def Depends(
    dependency: Callable[..., Any] | None = None,
    *,
    use_cache: bool = True,
    scope: DependencyScope | None = None,
    max_concurrency: int | None = None,
) -> Any:
    """A dependency (FastAPI docs: Dependencies); see fastslim-di's `Depends`."""
    return params.Depends(
        dependency, use_cache=use_cache, scope=scope, max_concurrency=max_concurrency
    )


def Security(
    dependency: Callable[..., Any] | None = None,
    *,
    scopes: Sequence[str] | None = None,
    use_cache: bool = True,
) -> Any:
    """A dependency with OAuth2 scopes (FastAPI docs: OAuth2 scopes)."""
    return params.Security(dependency, scopes=scopes, use_cache=use_cache)
