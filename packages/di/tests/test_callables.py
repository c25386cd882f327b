from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import pytest

from fastslim_di import CallKind, DependencyDeclarationError, Depends
from fastslim_di._callables import call_kind, callable_name, signature_of

if TYPE_CHECKING:
    from decimal import Decimal


async def async_func() -> int:
    return 1


def sync_func() -> int:
    return 1


async def async_gen() -> AsyncIterator[int]:
    yield 1


def sync_gen() -> Iterator[int]:
    yield 1


class Plain:
    def __init__(self, value: int = 0) -> None:
        self.value = value


class AsyncCallable:
    async def __call__(self) -> int:
        return 1


class SyncCallable:
    def __call__(self) -> int:
        return 1


class GenCallable:
    def __call__(self) -> Iterator[int]:
        yield 1


class AsyncGenCallable:
    async def __call__(self) -> AsyncIterator[int]:
        yield 1


class Methods:
    async def async_method(self) -> int:
        return 1

    def sync_method(self) -> int:
        return 1

    def gen_method(self) -> Iterator[int]:
        yield 1


def sync_wrapping(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (async_func, CallKind.ASYNC_FUNCTION),
        (sync_func, CallKind.SYNC_FUNCTION),
        (async_gen, CallKind.ASYNC_GENERATOR),
        (sync_gen, CallKind.SYNC_GENERATOR),
        (Plain, CallKind.SYNC_FUNCTION),
        (AsyncCallable, CallKind.SYNC_FUNCTION),  # calling the class builds an instance
        (AsyncCallable(), CallKind.ASYNC_FUNCTION),
        (SyncCallable(), CallKind.SYNC_FUNCTION),
        (GenCallable(), CallKind.SYNC_GENERATOR),
        (AsyncGenCallable(), CallKind.ASYNC_GENERATOR),
        (functools.partial(async_func), CallKind.ASYNC_FUNCTION),
        (functools.partial(functools.partial(async_gen)), CallKind.ASYNC_GENERATOR),
        (functools.partial(sync_gen), CallKind.SYNC_GENERATOR),
        (functools.partial(AsyncCallable()), CallKind.ASYNC_FUNCTION),
        (Methods().async_method, CallKind.ASYNC_FUNCTION),
        (Methods().sync_method, CallKind.SYNC_FUNCTION),
        (Methods().gen_method, CallKind.SYNC_GENERATOR),
        (sync_wrapping(async_func), CallKind.ASYNC_FUNCTION),  # returns the coroutine
        (sync_wrapping(sync_gen), CallKind.SYNC_GENERATOR),
        (sync_wrapping(sync_func), CallKind.SYNC_FUNCTION),
        (print, CallKind.SYNC_FUNCTION),
    ],
)
def test_call_kind(call: Callable[..., Any], kind: CallKind) -> None:
    assert call_kind(call) is kind


def test_call_kind_properties() -> None:
    table = {kind: (kind.is_generator, kind.is_async) for kind in CallKind}
    assert table == {
        CallKind.ASYNC_FUNCTION: (False, True),
        CallKind.SYNC_FUNCTION: (False, False),
        CallKind.ASYNC_GENERATOR: (True, True),
        CallKind.SYNC_GENERATOR: (True, False),
    }


def test_callable_name() -> None:
    assert callable_name(sync_func) == "sync_func"
    assert callable_name(functools.partial(async_gen)) == "async_gen"
    assert callable_name(Plain) == "Plain"
    assert callable_name(AsyncCallable()) == "AsyncCallable"
    assert callable_name(Methods().sync_method) == "sync_method"


def with_strings(a: Annotated[int, "meta"], b: Decimal, c: Plain) -> None:
    pass


def test_string_annotations_are_evaluated_unresolvable_ones_stay_strings() -> None:
    # This module uses `from __future__ import annotations`; Decimal is imported
    # only under TYPE_CHECKING.
    params = signature_of(with_strings, purpose="the function").parameters
    assert params["a"].annotation == Annotated[int, "meta"]
    assert params["b"].annotation == "Decimal"
    assert params["c"].annotation is Plain


def test_string_annotations_of_a_replaced_signature_are_evaluated() -> None:
    # strawberry's FastAPI context getter: a function of a module with
    # `from __future__ import annotations` whose `__signature__` is replaced by one
    # built from its own (string) parameters; `inspect.signature(eval_str=True)`
    # returns such a signature unevaluated.
    def getter(other: int, plain: Plain, maybe: Decimal) -> None:
        pass

    original = inspect.signature(getter)
    params = list(original.parameters.values())
    getter.__signature__ = original.replace(parameters=[*params[1:], params[0]])  # type: ignore[attr-defined]
    parameters = signature_of(getter, purpose="the dependency").parameters
    assert list(parameters) == ["plain", "maybe", "other"]
    assert parameters["plain"].annotation is Plain
    assert parameters["other"].annotation is int
    assert parameters["maybe"].annotation == "Decimal"  # only under TYPE_CHECKING


def test_class_signature_comes_from_init() -> None:
    params = signature_of(Plain, purpose="the dependency").parameters
    assert list(params) == ["value"]
    assert params["value"].annotation is int


def test_partial_signature_drops_bound_arguments() -> None:
    def two(a: int, b: str) -> None:
        pass

    params = signature_of(functools.partial(two, 1), purpose="the dependency").parameters
    assert list(params) == ["b"]
    assert params["b"].annotation is str


def test_unreadable_signature_is_a_declaration_error() -> None:
    class NoSignature:
        __signature__ = "not a signature"

        def __call__(self) -> None:
            pass

    with pytest.raises(DependencyDeclarationError, match="Cannot read the parameters"):
        signature_of(NoSignature(), purpose="the dependency")
    assert isinstance(inspect.signature(sync_func), inspect.Signature)


def uses_later(value: Annotated[int, Depends(defined_later)]) -> None:  # noqa: F821
    pass


def test_unresolvable_annotation_declaring_a_dependency_is_an_error() -> None:
    # `defined_later` does not exist (yet): the Depends would silently be lost.
    with pytest.raises(DependencyDeclarationError) as info:
        signature_of(uses_later, purpose="the function")
    message = str(info.value)
    assert message.startswith(
        'Parameter "value" of "uses_later" has the annotation '
        "'Annotated[int, Depends(defined_later)]', which declares a dependency but cannot "
        "be evaluated (NameError: name 'defined_later' is not defined)"
    )


def _plain_wrap(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


class _AsyncCall:
    async def __call__(self) -> bool:
        return True


class _AsyncGenCall:
    async def __call__(self) -> AsyncIterator[bool]:
        yield True


class _GenCall:
    def __call__(self) -> Iterator[bool]:
        yield True


class _Plain:
    pass


@pytest.mark.parametrize(
    ("wrapped", "kind"),
    [
        (_AsyncCall(), CallKind.ASYNC_FUNCTION),
        (_AsyncGenCall(), CallKind.ASYNC_GENERATOR),
        (_GenCall(), CallKind.SYNC_GENERATOR),
        (_Plain, CallKind.SYNC_FUNCTION),
    ],
)
def test_a_sync_decorator_around_a_callable_instance_has_the_instances_kind(
    wrapped: Any, kind: CallKind
) -> None:
    # FastAPI's: a functools.wraps decorator around an instance whose __call__ is async
    # (or a generator) is awaited (or iterated) as that instance would be.
    assert call_kind(_plain_wrap(wrapped)) is kind
