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

from ._build import replacement_node
from ._errors import DependencyDeclarationError
from ._plan import DependencyNode

OverrideMapping = Mapping[Callable[..., Any], Callable[..., Any]]


class ReplacementNodes:
    """The nodes built for the replacements of one set of overrides.

    Owned by that set (a `with ...override(...)` block, or one state of the
    `dependency_overrides` dict), so that they, and everything the replacements
    capture, are dropped with it: nothing is kept once an override is gone.
    """

    __slots__ = ("nodes",)

    def __init__(self) -> None:
        self.nodes: dict[tuple[DependencyNode, Any], DependencyNode] = {}

    def node_for(self, original: DependencyNode, replacement: Callable[..., Any]) -> DependencyNode:
        """The node of `replacement` standing in for `original`, built on first use.

        Raises `DependencyDeclarationError` if the replacement cannot stand in.
        """
        try:
            key = (original, replacement)
            node = self.nodes.get(key)
        except TypeError:  # an unhashable replacement: built for each use
            return replacement_node(original, replacement)
        if node is None:
            node = self.nodes[key] = replacement_node(original, replacement)
        return node


class OverrideSet:
    """The overrides of one `with` block: the merged mapping and its nodes."""

    __slots__ = ("mapping", "replacements")

    def __init__(self, mapping: dict[Callable[..., Any], Callable[..., Any]]) -> None:
        self.mapping = mapping
        self.replacements = ReplacementNodes()


class ContextOverrides:
    """The overrides set by `with ...override(...)` blocks in the current context."""

    __slots__ = ("_var", "current")

    def __init__(self, name: str) -> None:
        self._var: ContextVar[OverrideSet | None] = ContextVar(name, default=None)
        self.current: Callable[[], OverrideSet | None] = self._var.get
        """The overrides of the innermost `with` block in force here, or `None`."""

    @contextmanager
    def apply(self, mapping: OverrideMapping) -> Iterator[None]:
        for original, replacement in mapping.items():
            if not callable(original) or not callable(replacement):
                raise DependencyDeclarationError(
                    f"override() expects callables, got {original!r} -> {replacement!r}."
                )
        outer = self._var.get()
        merged = {**outer.mapping, **mapping} if outer is not None else dict(mapping)
        token = self._var.set(OverrideSet(merged))
        try:
            yield
        finally:
            self._var.reset(token)


class DictOverrides:
    """The nodes built for a plain `dependency_overrides` dict, valid for as long
    as the dict keeps the same contents (compared at the start of each solve
    that has overrides; dropped by the first solve after the dict is emptied)."""

    __slots__ = ("_snapshot", "nodes")

    def __init__(self) -> None:
        self._snapshot: dict[Callable[..., Any], Callable[..., Any]] | None = None
        self.nodes: ReplacementNodes | None = None

    def replacements(self, current: OverrideMapping) -> ReplacementNodes:
        """The nodes for `current`; new (the old ones dropped) if it changed."""
        if self.nodes is None or current != self._snapshot:
            self._snapshot = dict(current)
            self.nodes = ReplacementNodes()
        return self.nodes

    def forget(self) -> None:
        """Drop every node (the dict was emptied)."""
        self._snapshot = None
        self.nodes = None


def substitute(
    node: DependencyNode, overrides: OverrideMapping, replacements: ReplacementNodes
) -> DependencyNode:
    """The node solved in place of `node` under `overrides` (`node` itself when
    it is not overridden). Raises `DependencyDeclarationError` (see
    `ReplacementNodes.node_for`)."""
    key = node.override_key
    if key is None:
        return node
    replacement = overrides.get(key)
    if replacement is None:
        return node
    return replacements.node_for(node, replacement)


def effective_overrides(
    base: OverrideMapping, context: OverrideSet | None, dict_nodes: DictOverrides
) -> tuple[OverrideMapping, ReplacementNodes]:
    """The overrides one solve uses (some are set) and where their nodes are
    kept. The nodes of a `with` block's overrides live in the block; with both
    kinds set, the dict's replacements used in the block are kept there too
    (and dropped with it)."""
    if context is None:
        return base, dict_nodes.replacements(base)
    if dict_nodes.nodes is not None and not base:
        dict_nodes.forget()
    if not base:
        return context.mapping, context.replacements
    return {**base, **context.mapping}, context.replacements
