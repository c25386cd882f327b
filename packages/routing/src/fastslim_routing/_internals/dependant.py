"""`Dependant` and `SolvedDependency`: FastAPI 0.165's dependency-tree node and
solve result, with the same dataclass fields, and the pure helpers over them
(`get_flat_params`, `get_validation_alias`, ...).

In fastslim the tree is fastslim-di's plan; a `Dependant` is a view of it, for
the libraries that read or build FastAPI's (see packages/routing/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.responses import Response

from fastslim_di import call_kind

from .model_field import ModelField

__all__ = (
    "Dependant",
    "DependencyCacheKey",
    "SolvedDependency",
    "get_flat_body_params",
    "get_flat_params",
    "get_validation_alias",
)


DependencyCacheKey: TypeAlias = tuple[Callable[..., Any] | None, tuple[str, ...], str]
"""A solved dependency's key in `SolvedDependency.dependency_cache`: its callable,
its OAuth scopes and its scope ("" for one solve)."""


@dataclass(slots=True)
class Dependant:
    """One node of FastAPI's dependency tree: a callable (`call`), the request
    parameters it declares by location, its sub-dependencies (`dependencies`, in
    declaration order), the names of its special parameters, and how it is
    cached and scoped. `name` is the parameter it fills (None at the root and for
    `dependencies=[...]` entries)."""

    path_params: list[ModelField] = field(default_factory=list)
    query_params: list[ModelField] = field(default_factory=list)
    header_params: list[ModelField] = field(default_factory=list)
    cookie_params: list[ModelField] = field(default_factory=list)
    body_params: list[ModelField] = field(default_factory=list)
    dependencies: list[Dependant] = field(default_factory=list)
    name: str | None = None
    call: Callable[..., Any] | None = None
    request_param_name: str | None = None
    websocket_param_name: str | None = None
    http_connection_param_name: str | None = None
    response_param_name: str | None = None
    background_tasks_param_name: str | None = None
    security_scopes_param_name: str | None = None
    own_oauth_scopes: list[str] | None = None
    parent_oauth_scopes: list[str] | None = None
    use_cache: bool = True
    path: str | None = None
    scope: Literal["function", "request"] | None = None
    concurrency: Any | None = None


@dataclass
class SolvedDependency:
    """What `solve_dependencies` returns: the endpoint's keyword arguments
    (`values`), the validation errors, the request's background tasks and
    response, and the cache of solved dependencies."""

    values: dict[str, Any]
    errors: list[Any]
    background_tasks: StarletteBackgroundTasks | None
    response: Response
    dependency_cache: dict[DependencyCacheKey, Any]


def _computed_scope(dependant: Dependant) -> str:
    """The scope a dependency lives in: the declared one, else "request" for a
    yield dependency, else "" (one solve)."""
    if dependant.scope is not None:
        return dependant.scope
    call = dependant.call
    return "request" if call is not None and call_kind(call).is_generator else ""


def _repeat_key(dependant: Dependant) -> tuple[Any, ...]:
    """A sub-dependant met again under this key is the same dependency: its call,
    its OAuth scopes (inherited then own) and its computed scope."""
    scopes = (*(dependant.parent_oauth_scopes or ()), *(dependant.own_oauth_scopes or ()))
    return (dependant.call, scopes, _computed_scope(dependant))


def _walk(dependant: Dependant, seen: set[tuple[Any, ...]] | None = None) -> list[Dependant]:
    """The dependant and every sub-dependant, each node before its children;
    with `seen`, a dependency met again (same `_repeat_key`) is skipped."""
    found = [dependant]
    for child in dependant.dependencies:
        if seen is not None:
            key = _repeat_key(child)
            if key in seen:
                continue
            seen.add(key)
        found.extend(_walk(child, seen))
    return found


def get_flat_params(dependant: Dependant) -> list[ModelField]:
    """Every request parameter of the tree: all path parameters, then all query,
    header and cookie parameters (each group in tree order, the root's first), a
    dependency used twice counted once."""
    nodes = _walk(dependant, set())
    return [
        param
        for group in ("path_params", "query_params", "header_params", "cookie_params")
        for node in nodes
        for param in getattr(node, group)
    ]


def get_flat_body_params(dependant: Dependant) -> list[ModelField]:
    """Every body parameter of the tree, in tree order, repeated dependencies
    included (FastAPI's `_get_flat_body_params`)."""
    return [param for node in _walk(dependant) for param in node.body_params]


def get_validation_alias(field: ModelField) -> str:
    """The name a parameter is read under: its `validation_alias` when a string,
    else its `alias`."""
    alias = field.validation_alias
    return alias if alias is not None else field.alias
