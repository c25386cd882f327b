"""Dependency overrides: a plain mapping, and context managers that nest.

A container holds `dependency_overrides`, a plain dict the user mutates at any
time (routing exposes it as `app.dependency_overrides`), and context-manager
overrides kept in a `ContextVar`: each task sees the overrides of its own
context, nested blocks restore the outer ones on exit. The context-manager
overrides win over the dict. Solving pays nothing when both are empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ._errors import DependencyDeclarationError

OverrideMapping = Mapping[Callable[..., Any], Callable[..., Any]]


class ContextOverrides:
    """The overrides set by `with ...override(...)` blocks in the current context."""

    __slots__ = ("_var",)

    def __init__(self, name: str) -> None:
        self._var: ContextVar[dict[Callable[..., Any], Callable[..., Any]] | None] = ContextVar(
            name, default=None
        )

    def current(self) -> dict[Callable[..., Any], Callable[..., Any]] | None:
        return self._var.get()

    @contextmanager
    def apply(self, mapping: OverrideMapping) -> Iterator[None]:
        for original, replacement in mapping.items():
            if not callable(original) or not callable(replacement):
                raise DependencyDeclarationError(
                    f"override() expects callables, got {original!r} -> {replacement!r}."
                )
        outer = self._var.get()
        token = self._var.set({**outer, **mapping} if outer else dict(mapping))
        try:
            yield
        finally:
            self._var.reset(token)


def effective_overrides(
    base: OverrideMapping, context: OverrideMapping | None
) -> OverrideMapping | None:
    """The overrides one solve uses: `None` when there are none (the fast path)."""
    if not context:
        return base or None
    if not base:
        return context
    return {**base, **context}
