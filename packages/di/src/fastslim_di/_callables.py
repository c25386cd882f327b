"""What kind of callable a dependency is, its name, and its parameters."""

from __future__ import annotations

import contextlib
import enum
import functools
import inspect
import sys
from collections.abc import Callable
from typing import Any

from ._errors import DependencyDeclarationError


class CallKind(enum.IntEnum):
    """How the solver calls a dependency."""

    ASYNC_FUNCTION = 0
    SYNC_FUNCTION = 1
    ASYNC_GENERATOR = 2
    SYNC_GENERATOR = 3

    @property
    def is_generator(self) -> bool:
        return self >= CallKind.ASYNC_GENERATOR

    @property
    def is_async(self) -> bool:
        return self in (CallKind.ASYNC_FUNCTION, CallKind.ASYNC_GENERATOR)


def _unwrap_partial(func: Any) -> Any:
    while isinstance(func, functools.partial):
        func = func.func
    return func


def _kind_of_function(func: Any) -> CallKind | None:
    if inspect.isasyncgenfunction(func):
        return CallKind.ASYNC_GENERATOR
    if inspect.isgeneratorfunction(func):
        return CallKind.SYNC_GENERATOR
    if inspect.iscoroutinefunction(func):
        return CallKind.ASYNC_FUNCTION
    return None


def call_kind(call: Callable[..., Any]) -> CallKind:
    """Classify `call`, seeing through `functools.partial`, bound methods,
    callable instances (`__call__`) and `functools.wraps` decorators.

    A class is a sync function: calling it builds an instance.
    """
    target = _unwrap_partial(call)
    if inspect.isclass(target):
        return CallKind.SYNC_FUNCTION
    if not inspect.isroutine(target):
        dunder_call = type(target).__call__
        kind = _kind_of_function(_unwrap_partial(dunder_call))
        if kind is not None:
            return kind
        target = dunder_call
    kind = _kind_of_function(target)
    if kind is not None:
        return kind
    try:
        unwrapped = _unwrap_partial(inspect.unwrap(target))
    except ValueError:  # a cycle of __wrapped__
        return CallKind.SYNC_FUNCTION
    if unwrapped is not target and not inspect.isroutine(unwrapped):
        # A decorator wrapping a callable instance or a class: the wrapped object's
        # own kind (an instance's `__call__`), as FastAPI reads it.
        return call_kind(unwrapped)
    kind = _kind_of_function(unwrapped)
    return CallKind.SYNC_FUNCTION if kind is None else kind


def callable_name(call: object) -> str:
    """The short name used in messages: the function's or class's `__name__`,
    the class name of a callable instance."""
    target = _unwrap_partial(call)
    name = getattr(target, "__name__", None)
    if isinstance(name, str):
        return name
    return type(target).__name__


def _globals_of(call: object) -> dict[str, Any]:
    target = _unwrap_partial(call)
    if inspect.isclass(target):
        module = sys.modules.get(target.__module__)
        return dict(vars(module)) if module is not None else {}
    if not inspect.isroutine(target):
        target = type(target).__call__
    target = getattr(target, "__func__", target)
    with contextlib.suppress(ValueError):
        target = inspect.unwrap(target)
    found = getattr(target, "__globals__", None)
    return found if isinstance(found, dict) else {}


def signature_of(call: Callable[..., Any], *, purpose: str) -> inspect.Signature:
    """The signature of `call` with string annotations evaluated where possible.

    `from __future__ import annotations` and quoted annotations are evaluated in
    the callable's module, those of a replaced `__signature__` too (which
    `inspect.signature(eval_str=True)` returns as it is: strawberry's context getter);
    a name that cannot be resolved (one imported only under `TYPE_CHECKING`) stays a
    string.
    """
    try:
        raw = inspect.signature(call, eval_str=True)
    except (NameError, SyntaxError, TypeError, AttributeError):
        raw = None
    except ValueError as exc:
        raise DependencyDeclarationError(
            f'Cannot read the parameters of {purpose} "{callable_name(call)}" ({call!r}): {exc}.'
        ) from None
    if raw is not None and not any(
        isinstance(param.annotation, str) for param in raw.parameters.values()
    ):
        return raw
    try:
        raw = inspect.signature(call)
    except (ValueError, TypeError) as exc:
        raise DependencyDeclarationError(
            f'Cannot read the parameters of {purpose} "{callable_name(call)}" ({call!r}): {exc}.'
        ) from None
    namespace = _globals_of(call)
    params = []
    for param in raw.parameters.values():
        annotation = param.annotation
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, namespace)  # as typing.get_type_hints does
            except Exception as exc:  # unresolvable names stay strings...
                if "Depends(" in annotation or "Security(" in annotation:
                    # ...unless the string declares a dependency that would be lost.
                    raise DependencyDeclarationError(
                        f'Parameter "{param.name}" of "{callable_name(call)}" has the annotation '
                        f"{annotation!r}, which declares a dependency but cannot be evaluated "
                        f"({type(exc).__name__}: {exc}); define the names it uses before "
                        f"{purpose} is declared."
                    ) from None
        params.append(param.replace(annotation=annotation))
    return raw.replace(parameters=params)
