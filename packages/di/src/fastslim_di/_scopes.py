"""Scope rules: the effective scope of a dependency and what it may depend on."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from ._callables import CallKind
from ._depends import DependencyScope, Depends
from ._errors import DependencyDeclarationError, DependencyScopeError

if TYPE_CHECKING:
    from ._plan import DependencyNode


class Level(enum.IntEnum):
    """Where a dependency's cached value lives."""

    SOLVE = 0
    REQUEST = 1
    APP = 2


def effective_scope(depends: Depends, kind: CallKind) -> DependencyScope | None:
    """`function`, `request` or `app`; `None` for a plain (non-yield) dependency
    with no explicit scope, whose value lives for one solve.

    A yield dependency with no scope is request-scoped. Scope values outside
    the three known ones are accepted (FastAPI does not validate them) and
    behave like `"request"`.
    """
    scope = depends.scope
    if scope == "function" or scope == "app":
        return scope
    if scope is None and not kind.is_generator:
        return None
    return "request"


def cache_level(scope: DependencyScope | None) -> Level:
    if scope == "app":
        return Level.APP
    if scope == "request":
        return Level.REQUEST
    return Level.SOLVE


def check_scopes(node: DependencyNode) -> None:
    """Raise if `node` outlives something it depends on.

    - A yield dependency whose effective scope is "request" cannot depend on a
      dependency declared with scope "function" (FastAPI's rule; plain
      dependencies may).
    - A dependency with scope "app" lives for the whole container: nothing in its
      subtree may be request- or function-scoped, nor be filled by the host
      framework per request. It is always cached (`use_cache=False` is refused).
    """
    if node.scope == "request" and node.kind.is_generator:
        for child in node.dependencies:
            if child.depends.scope == "function":
                raise DependencyScopeError(
                    f'The dependency "{node.name}" has a scope of "request", '
                    f'it cannot depend on dependencies with scope "function".'
                )
    if node.scope != "app":
        return
    if not node.use_cache:
        raise DependencyDeclarationError(
            f'The dependency "{node.name}" has a scope of "app", which creates it once per '
            f"container; use_cache=False contradicts that. Remove one of the two."
        )
    for name in node.host_parameters:
        raise DependencyScopeError(
            f'The dependency "{node.name}" has a scope of "app", its parameter '
            f'"{name}" is filled per request by the host framework, which an '
            f"app-scoped dependency cannot use."
        )
    for short in ("function", "request"):
        if short in node.subtree_scopes:
            raise DependencyScopeError(
                f'The dependency "{node.name}" has a scope of "app", it cannot depend on '
                f'dependencies with scope "{short}".'
            )
    for child in node.dependencies:
        if child.uses_host_sources:
            raise DependencyScopeError(
                f'The dependency "{node.name}" has a scope of "app", it cannot depend on '
                f'"{child.name}", which uses values filled per request by the host framework.'
            )
