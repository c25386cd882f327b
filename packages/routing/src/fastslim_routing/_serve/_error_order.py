"""FastAPI's order of one request's validation errors, overrides included.

A compiled slot's error is keyed `(owner rank, location rank, declaration index)`,
the owner ranks taken from the route's plan (sub-dependencies, depth first, before
their owner; the endpoint last). An override's own parameters are met only when it
is first solved (`_compile/_late.py`): their errors carry their owner instead,
`(LATE, location rank, index, owner)`, and when one is present every error is
re-ranked along the tree the solve used (each overridden dependency replaced by
its replacement and the replacement's own sub-dependencies), so the errors of an
override and of its sub-dependencies come where FastAPI puts them (FastAPI docs:
Testing Dependencies with Overrides).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fastslim_di import Container, DependencyPlan

from ._validator import KeyedError

LATE = 1 << 30
"""The owner rank of an override's parameter errors before re-ranking."""


def late_errors(errors: Iterable[KeyedError], owner: Callable[..., Any]) -> list[Any]:
    """An override's parameter errors, keyed with their owner for re-ranking."""
    return [((LATE, key[1], key[2], owner), error) for key, error in errors]


def _owner_ranks(nodes: Iterable[Any]) -> dict[Any, int]:
    ranks: dict[Any, int] = {}
    for node in nodes:
        try:
            ranks.setdefault(node.call, len(ranks))
        except TypeError:  # an unhashable callable ranks with the endpoint
            continue
    return ranks


def _reranked(
    keyed: list[KeyedError], plan: DependencyPlan, container: Container
) -> list[KeyedError]:
    compiled = list(_owner_ranks(plan.iter_nodes()))
    effective = _owner_ranks(container.effective_nodes(plan))
    last = len(effective)
    result: list[KeyedError] = []
    for key, error in keyed:
        if len(key) == 4:
            owner = key[3]
        else:
            owner = compiled[key[0]] if key[0] < len(compiled) else plan.call
        try:
            rank = last if owner is plan.call else effective.get(owner, last)
        except TypeError:
            rank = last
        result.append(((rank, key[1], key[2]), error))
    return result


def ordered_errors(
    errors: list[Any], plan: DependencyPlan, container: Container | None
) -> list[dict[str, Any]]:
    """The error dicts of `errors` (the keyed ones) in FastAPI's order."""
    keyed: list[KeyedError] = [error for error in errors if isinstance(error, tuple)]
    if container is not None and any(len(key) == 4 for key, _ in keyed):
        keyed = _reranked(keyed, plan, container)
    keyed.sort(key=lambda item: item[0])
    return [error for _, error in keyed]
