"""Signatures with their string annotations evaluated, as `fastapi.dependencies.utils`.

Libraries written for FastAPI call these to read an endpoint's or a dependency's
parameters the way the framework sees them. A name that cannot be resolved stays
a `typing.ForwardRef` (no error is raised), as in FastAPI.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, ForwardRef

__all__ = ("get_typed_annotation", "get_typed_return_annotation", "get_typed_signature")


def _globals_of(call: Callable[..., Any]) -> dict[str, Any]:
    """The module globals `call`'s annotations refer to (through partials, wrappers and
    `__call__` instances); `{}` when it has none."""
    target: Any = call
    while isinstance(target, functools.partial):
        target = target.func
    target = inspect.unwrap(target)
    if not (inspect.isfunction(target) or inspect.ismethod(target) or inspect.isclass(target)):
        target = type(target).__call__  # an instance with __call__
    elif inspect.isclass(target):
        target = target.__init__
    return dict(getattr(target, "__globals__", {}))


def get_typed_annotation(annotation: Any, globalns: Mapping[str, Any]) -> Any:
    """`annotation` evaluated in `globalns` when it is a string; a `ForwardRef` to it
    when a name in it is not defined there; any other value unchanged."""
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, dict(globalns))  # as typing.get_type_hints does
    except NameError:
        return ForwardRef(annotation)


def get_typed_signature(call: Callable[..., Any]) -> inspect.Signature:
    """`call`'s parameters (names, kinds, defaults) with annotations evaluated; the
    return annotation is left out, as FastAPI does (see `get_typed_return_annotation`).

    Raises `ValueError` or `TypeError` when `call` has no signature (a builtin)."""
    signature = inspect.signature(call)
    globalns = _globals_of(call)
    parameters = [
        parameter.replace(annotation=get_typed_annotation(parameter.annotation, globalns))
        for parameter in signature.parameters.values()
    ]
    return inspect.Signature(parameters)


def get_typed_return_annotation(call: Callable[..., Any]) -> Any:
    """`call`'s evaluated return annotation, or `None` when it has none."""
    annotation = inspect.signature(call).return_annotation
    if annotation is inspect.Signature.empty:
        return None
    return get_typed_annotation(annotation, _globals_of(call))
