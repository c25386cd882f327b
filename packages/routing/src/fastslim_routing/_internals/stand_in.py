"""A `Dependant` (FastAPI's view, possibly changed by its caller) as a function that
fastslim's route compiler plans: its signature declares exactly the Dependant's
sub-dependencies, parameters and special values.

- `capturing_stand_in(dependant)`: returns the values it receives (`solve_dependencies`);
  the unnamed sub-dependencies come back apart, to be declared as `dependencies=[...]`.
- `serving_endpoint(dependant)`: calls `dependant.call` with its own values. Every
  sub-dependency keeps its place, the unnamed ones under names the call never sees,
  so they are solved in the Dependant's order, as FastAPI solves an edited tree (a
  route's `dependant` that an extension appended to, `get_request_handler`).
- `shape(dependant)`: what identifies an edit of the tree (the objects in its lists).
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastslim_di import Depends, SecurityScopes
from fastslim_di import Security as DISecurity
from fastslim_tasks import BackgroundTasks

from .. import params
from .dependant import Dependant

__all__ = ("FIELD_GROUPS", "SPECIALS", "capturing_stand_in", "serving_endpoint", "shape")

FIELD_GROUPS = (
    ("path_params", params.Path),
    ("query_params", params.Query),
    ("header_params", params.Header),
    ("cookie_params", params.Cookie),
    ("body_params", params.Body),
)
SPECIALS = (
    ("request_param_name", Request),
    ("websocket_param_name", WebSocket),
    ("http_connection_param_name", HTTPConnection),
    ("response_param_name", Response),
    ("background_tasks_param_name", BackgroundTasks),
    ("security_scopes_param_name", SecurityScopes),
)
_KW = inspect.Parameter.KEYWORD_ONLY
_UNNAMED = "_fastslim_unnamed_dependency_{}"


def _as_declaration(info: FieldInfo, kind: type[Any]) -> FieldInfo:
    """`info` as an instance of the location's class (a plain `FieldInfo` placed in
    `query_params` is a query parameter, as FastAPI reads the lists)."""
    if isinstance(info, kind):
        same: FieldInfo = info
        return same
    declaration: FieldInfo = kind() if kind is params.Path else kind(PydanticUndefined)
    for name in FieldInfo.__slots__:
        setattr(declaration, name, getattr(info, name))
    return declaration


def _depends_of(child: Dependant) -> Depends:
    call = child.call
    if child.own_oauth_scopes:
        return DISecurity(call, scopes=child.own_oauth_scopes, use_cache=child.use_cache)
    return Depends(call, use_cache=child.use_cache, scope=child.scope)


def _parameters(
    dependant: Dependant, *, keep_unnamed: bool
) -> tuple[list[inspect.Parameter], list[Depends]]:
    parameters: list[inspect.Parameter] = []
    unnamed: list[Depends] = []
    for index, child in enumerate(dependant.dependencies):
        if child.name is not None:
            parameters.append(inspect.Parameter(child.name, _KW, default=_depends_of(child)))
        elif keep_unnamed:
            name = _UNNAMED.format(index)
            parameters.append(inspect.Parameter(name, _KW, default=_depends_of(child)))
        else:
            unnamed.append(_depends_of(child))
    for group, kind in FIELD_GROUPS:
        for field in getattr(dependant, group):
            info = _as_declaration(field.field_info, kind)
            annotation = info.annotation if info.annotation is not None else Any
            parameters.append(
                inspect.Parameter(field.name, _KW, default=info, annotation=annotation)
            )
    for attribute, annotation in SPECIALS:
        name = getattr(dependant, attribute)
        if name is not None:
            parameters.append(inspect.Parameter(name, _KW, annotation=annotation))
    return parameters, unnamed


def capturing_stand_in(dependant: Dependant) -> tuple[Callable[..., Any], list[Depends]]:
    """A function declaring the Dependant's named sub-dependencies, then its
    parameters and special values, returning what it receives; its unnamed
    sub-dependencies as `dependencies=[...]`."""
    parameters, unnamed = _parameters(dependant, keep_unnamed=False)

    def stand_in(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    stand_in.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    stand_in.__name__ = getattr(dependant.call, "__name__", "dependant")
    return stand_in, unnamed


def is_coroutine_callable(call: Callable[..., Any]) -> bool:
    """Whether calling `call` gives an awaitable (a coroutine function, or an instance
    whose `__call__` is one)."""
    target = getattr(call, "__call__", None)  # noqa: B004  (a callable instance)
    return inspect.iscoroutinefunction(call) or (
        not inspect.isfunction(call) and inspect.iscoroutinefunction(target)
    )


def serving_endpoint(dependant: Dependant) -> Callable[..., Any]:
    """An endpoint declaring the whole Dependant in its order and calling
    `dependant.call` with the values of its named parameters (async when the call
    is). Its return annotation is the call's (the response model it implies).

    Raises `AssertionError` when the Dependant has no `call`."""
    call = dependant.call
    if call is None:
        raise AssertionError("The Dependant has no callable (call) to serve.")
    parameters, _ = _parameters(dependant, keep_unnamed=True)
    hidden = frozenset(p.name for p in parameters if p.name.startswith("_fastslim_unnamed_"))
    try:
        returns = inspect.signature(call, eval_str=True).return_annotation
    except (NameError, TypeError, ValueError):
        returns = inspect.Signature.empty

    def own(kwargs: dict[str, Any]) -> dict[str, Any]:
        return {name: value for name, value in kwargs.items() if name not in hidden}

    endpoint: Callable[..., Any]
    if is_coroutine_callable(call):

        async def endpoint(**kwargs: Any) -> Any:
            return await call(**own(kwargs))

    else:

        def endpoint(**kwargs: Any) -> Any:
            return call(**own(kwargs))

    endpoint.__signature__ = inspect.Signature(  # type: ignore[union-attr]
        parameters, return_annotation=returns
    )
    for attribute in ("__name__", "__qualname__", "__module__", "__doc__"):
        value = getattr(call, attribute, None)
        if value is not None:
            with contextlib.suppress(AttributeError, TypeError):
                setattr(endpoint, attribute, value)
    return endpoint


def shape(dependant: Dependant) -> tuple[Any, ...]:
    """The identities of what the tree holds: its call, its sub-dependants (their
    shapes), its parameter fields and special names. Equal shapes: not edited."""
    return (
        id(dependant.call),
        tuple(shape(child) for child in dependant.dependencies),
        *(tuple(map(id, getattr(dependant, group))) for group, _ in FIELD_GROUPS),
        *(getattr(dependant, attribute) for attribute, _ in SPECIALS),
    )
