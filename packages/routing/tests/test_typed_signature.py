"""typed_signature: signatures with evaluated annotations, as fastapi.dependencies.utils."""

from __future__ import annotations

import functools
import inspect
from typing import Annotated, ForwardRef

from fastslim_routing import Query
from fastslim_routing.typed_signature import (
    get_typed_annotation,
    get_typed_return_annotation,
    get_typed_signature,
)


class Item:
    pass


def endpoint(
    a: int,
    b: Annotated[str, Query()] = "x",
    c: Item | None = None,
    *,
    d: Missing = 1,  # type: ignore[name-defined]  # noqa: F821
) -> list[Item]:
    raise NotImplementedError


def untyped(x):  # type: ignore[no-untyped-def]
    raise NotImplementedError


class Callable_:
    def __call__(self, q: Item) -> Item:
        raise NotImplementedError


def test_annotations_are_evaluated_and_unknown_names_stay_forward_refs() -> None:
    signature = get_typed_signature(endpoint)
    parameters = signature.parameters
    assert list(parameters) == ["a", "b", "c", "d"]
    assert parameters["a"].annotation is int
    assert parameters["b"].annotation.__origin__ is str
    assert parameters["b"].default == "x"
    assert parameters["c"].annotation == Item | None
    assert parameters["d"].annotation == ForwardRef("Missing")
    assert parameters["d"].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.return_annotation is inspect.Signature.empty


def test_partials_and_callable_instances_resolve_in_their_module() -> None:
    assert list(get_typed_signature(functools.partial(endpoint, 1)).parameters) == ["b", "c", "d"]
    assert get_typed_signature(functools.partial(endpoint, 1)).parameters["c"].annotation == (
        Item | None
    )
    assert get_typed_signature(Callable_()).parameters["q"].annotation is Item


def test_return_annotation() -> None:
    assert get_typed_return_annotation(endpoint) == list[Item]
    assert get_typed_return_annotation(untyped) is None
    assert get_typed_return_annotation(Callable_()) is Item


def test_typed_annotation() -> None:
    assert get_typed_annotation("int", {}) is int
    assert get_typed_annotation("Item", globals()) is Item
    assert get_typed_annotation("Nope", {}) == ForwardRef("Nope")
    assert get_typed_annotation(None, {}) is None
    assert get_typed_annotation(float, {}) is float
