"""A path operation's request parameters as FastAPI lists them in a document.

FastAPI walks the dependency tree top-down: a callable's own parameters, then
its dependencies in order (a route's `dependencies=[...]` before those of its
parameters). Routing's plan holds the same tree; each request parameter is a
`SlotSource` with its `ParamSpec`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastslim_di import DependencyNode, DependencyPlan

from .._serve._slots import SlotSource
from .._serve._spec import BODY, FORM, HEADER, PATH, ParamSpec
from ..security.base import SecurityBase

LOCATIONS = (PATH, "query", HEADER, "cookie")


def _walk(bindings: Any, parameters: Any, extra: Any, ellipsis: set[int]) -> Iterator[ParamSpec]:
    children: list[DependencyNode] = list(extra)
    defaults = {info.name: info.default for info in parameters}
    for binding in bindings:
        payload = binding.payload
        if isinstance(payload, SlotSource):
            if defaults.get(binding.name) is Ellipsis:
                ellipsis.add(id(payload.spec))
            yield payload.spec
        elif isinstance(payload, DependencyNode):
            children.append(payload)
    for child in children:
        yield from _walk(child.bindings, child.parameters, (), ellipsis)


def flat_specs(plan: DependencyPlan) -> tuple[list[ParamSpec], set[int]]:
    """Every request parameter of the plan, in FastAPI's document order (repeats kept),
    and the ids of those whose default is `...` (`Annotated[int, Query()] = ...`), which
    FastAPI's document shows as not required."""
    ellipsis: set[int] = set()
    specs = list(_walk(plan.bindings, plan.parameters, plan.dependencies, ellipsis))
    return specs, ellipsis


def by_location(specs: list[ParamSpec]) -> tuple[list[ParamSpec], list[ParamSpec]]:
    """(non-body parameters path, query, header, cookie in that order, body parameters)."""
    plain = [spec for location in LOCATIONS for spec in specs if spec.location == location]
    bodies = [spec for spec in specs if spec.location in (BODY, FORM)]
    return plain, bodies


def security_requirements(plan: DependencyPlan) -> list[tuple[SecurityBase, list[str]]]:
    """The security schemes the plan depends on, with their accumulated scopes."""
    found: list[tuple[SecurityBase, list[str]]] = []

    def walk(nodes: Any) -> None:
        for node in nodes:
            if isinstance(node.call, SecurityBase):
                found.append((node.call, list(node.security_scopes)))
            walk(node.dependencies)

    root_children = [*plan.dependencies]
    root_children += [b.payload for b in plan.bindings if isinstance(b.payload, DependencyNode)]
    walk(root_children)
    return found
