"""FastAPI's `solve_dependencies`, `request_params_to_args` and
`request_body_to_args`, driving fastslim's own machinery.

A `Dependant` (a view, possibly changed by the caller: `call` or `dependencies`
replaced, entries appended) is turned into a plan the way a route is: a
stand-in function whose signature declares exactly the Dependant's parameters
and named sub-dependencies goes through routing's `Collector` and fastslim-di's
`build_plan` (each sub-dependency planned from its callable, as FastAPI reads
it); the parameters are extracted and validated by the route validator, and
the plan is solved by fastslim-di in a request scope whose cleanups are
entered on the caller's exit stacks (`fastapi_function_astack`,
`fastapi_inner_astack` in the request scope, as FastAPI's).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from contextlib import AsyncExitStack
from typing import Any

from pydantic_core import PydanticUndefined
from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastslim_di import (
    Container,
    DependencyNode,
    DependencyPlan,
    ParameterErrors,
)

from .._compile._compiler import _owner_ranks
from .._serve._error_order import ordered_errors
from .._serve._extract import Extractor
from .._serve._slots import CONNECTION, ERRORS, RESPONSE, TASKS, VALUES
from .._serve._spec import BODY, FORM, LOCATION_RANK, is_scalar_sequence
from .._serve._validator import KeyedError, ParamsValidator
from .dependant import Dependant, SolvedDependency, get_validation_alias
from .form_args import form_body_to_args, is_form_body
from .model_field import ModelField
from .param_models import is_model_param, model_input
from .stand_in import FIELD_GROUPS, SPECIALS, capturing_stand_in
from .views import model_field_of, planned

__all__ = ("request_body_to_args", "request_params_to_args", "solve_dependencies")


class _Solvable:
    """What solving a Dependant needs, built once per shape of the Dependant."""

    __slots__ = ("bodies", "extractor", "keep", "plan", "validator")

    def __init__(self, dependant: Dependant, keep: tuple[Any, ...]) -> None:
        call, unnamed = capturing_stand_in(dependant)
        plan, slots = planned(call, dependant.path or "", unnamed)
        rank = _owner_ranks(plan)
        plain = [(slot, spec) for slot, spec in slots if spec.location not in (BODY, FORM)]
        self.plan = plan
        self.extractor = Extractor(plain) if plain else None
        self.validator = ParamsValidator(plain, rank) if plain else None
        self.bodies = [
            (slot, spec, model_field_of(spec), (rank(spec), LOCATION_RANK[BODY], spec.index))
            for slot, spec in slots
            if spec.location in (BODY, FORM)
        ]
        self.keep = keep  # the objects whose ids are the cache key, kept alive


_SOLVABLES: OrderedDict[tuple[Any, ...], _Solvable] = OrderedDict()
_KEPT = 256


def _shape(dependant: Dependant, keep: list[Any]) -> tuple[Any, ...]:
    keep.append(dependant.call)
    children = []
    for child in dependant.dependencies:
        keep.append(child.call)
        children.append(
            (
                child.name,
                id(child.call),
                child.use_cache,
                child.scope,
                tuple(child.own_oauth_scopes or ()),
            )
        )
    fields = []
    for group, _ in FIELD_GROUPS:
        for field in getattr(dependant, group):
            keep.append(field)
            fields.append((group, id(field)))
    specials = tuple(getattr(dependant, attribute) for attribute, _ in SPECIALS)
    return (id(dependant.call), dependant.path, tuple(children), tuple(fields), specials)


def solvable(dependant: Dependant) -> _Solvable:
    """The plan and validators of `dependant` as it is now (cached by its shape)."""
    keep: list[Any] = []
    key = _shape(dependant, keep)
    found = _SOLVABLES.get(key)
    if found is None:
        found = _SOLVABLES[key] = _Solvable(dependant, tuple(keep))
        if len(_SOLVABLES) > _KEPT:
            _SOLVABLES.popitem(last=False)
    else:
        _SOLVABLES.move_to_end(key)
    return found


# -- validation ---------------------------------------------------------------


def _missing(loc: tuple[Any, ...]) -> dict[str, Any]:
    return {"type": "missing", "loc": loc, "msg": "Field required", "input": None}


def _body_value(field: ModelField, body: Any, embed: bool) -> tuple[bool, Any, list[Any]]:
    """(has a value, value, errors) of one body field, as FastAPI 0.165 reads a body:
    `PydanticUndefined` is an omitted body (defaults apply, a required field is
    missing), `None` a JSON `null` (validated as it is; embedded fields missing)."""
    if not embed:
        if body is PydanticUndefined:
            if field.field_info.is_required():
                return True, None, [_missing(("body",))]
            return True, field.get_default(), []
        value, errors = field.validate(body, {}, loc=("body",))
        return True, value, errors
    alias = field.alias
    loc = ("body", alias)
    if body is None:
        return False, None, [_missing(loc)]
    present = body is not PydanticUndefined and hasattr(body, "get") and alias in body
    if not present:
        if field.field_info.is_required():
            return False, None, [_missing(loc)]
        return True, field.get_default(), []
    if hasattr(body, "getlist") and is_scalar_sequence(field.field_info.annotation):
        raw = body.getlist(alias)
    else:
        raw = body.get(alias)
    value, errors = field.validate(raw, {}, loc=loc)
    return not errors, value, errors


async def request_body_to_args(
    body_fields: list[ModelField], received_body: Any, embed_body_fields: bool
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """FastAPI's: the body fields' values by name, and their errors (loc
    `("body", ...)`). Not embedded, the one field takes the whole body (None when
    invalid); embedded, each field its key, an invalid one left out. Raises
    `AssertionError` without fields, as FastAPI."""
    assert body_fields, "request_body_to_args() should be called with fields"
    if is_form_body(body_fields, received_body):  # read as a route reads its form
        return await form_body_to_args(body_fields, received_body)
    values: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for field in body_fields:
        has, value, found = _body_value(field, received_body, embed_body_fields)
        if has:
            values[field.name] = value
        errors.extend(found)
    return values, errors


def request_params_to_args(
    fields: Sequence[ModelField], received_params: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Any]]:
    """FastAPI's: the parameters' values by name, and their errors (loc `(in,
    alias)` from each field's `Param.in_`). A missing optional parameter gets its
    default, an invalid one is left out of the values."""
    values: dict[str, Any] = {}
    errors: list[Any] = []
    for field in fields:
        info = field.field_info
        location = getattr(getattr(info, "in_", None), "value", "query")
        if is_model_param(field):  # the whole location, as a route reads it
            model_raw = model_input(field, location, received_params)
            if model_raw is None:
                if info.is_required():
                    errors.append(_missing((location,)))
                else:
                    values[field.name] = field.get_default()
                continue
            value, found = field.validate(model_raw, values, loc=(location,))
            if found:
                errors.extend(found)
            else:
                values[field.name] = value
            continue
        key = get_validation_alias(field)
        if (
            location == "header"
            and getattr(info, "convert_underscores", True)
            and info.alias in (None, field.name)
        ):
            key = key.replace("_", "-")
        loc = (location, key)
        getlist = getattr(received_params, "getlist", None)
        if getlist is not None and is_scalar_sequence(info.annotation):
            raw: Any = getlist(key) or None
        else:
            raw = received_params.get(key)
        if raw is None:
            if info.is_required():
                errors.append(_missing(loc))
            else:
                values[field.name] = field.get_default()
            continue
        value, found = field.validate(raw, values, loc=loc)
        if found:
            errors.extend(found)
        else:
            values[field.name] = value
    return values, errors


# -- solving --------------------------------------------------------------------


def _container(provider: Any) -> Container:
    """The container whose overrides apply: the provider's own (a fastslim app),
    else one over its `dependency_overrides` mapping."""
    container = getattr(provider, "container", None)
    if isinstance(container, Container):
        return container
    overrides = getattr(provider, "dependency_overrides", None)
    return Container(dependency_overrides=overrides if isinstance(overrides, dict) else None)


def _computed_scope(node: DependencyNode) -> str:
    declared = node.depends.scope
    if declared is not None:
        return declared
    return "request" if node.kind.is_generator else ""


def _cache_key(node: DependencyNode) -> tuple[Any, tuple[str, ...], str]:
    scopes = tuple(node.security_scopes) if node.uses_security_scopes else ()
    return (node.call, scopes, _computed_scope(node))


def _nodes(plan: DependencyPlan) -> list[DependencyNode]:
    return [node for node in plan.iter_nodes() if not node.is_root]


async def solve_dependencies(
    *,
    request: Request | WebSocket,
    dependant: Dependant,
    body: Any = PydanticUndefined,
    background_tasks: StarletteBackgroundTasks | None = None,
    response: Response | None = None,
    dependency_overrides_provider: Any | None = None,
    dependency_cache: dict[tuple[Callable[..., Any] | None, tuple[str, ...], str], Any]
    | None = None,
    async_exit_stack: AsyncExitStack,
    embed_body_fields: bool,
    _uses_scopes_cache: dict[int, tuple[Dependant, bool]] | None = None,
) -> SolvedDependency:
    """FastAPI's: the values of `dependant`'s sub-dependencies and parameters for
    `request`, solved by fastslim-di (overrides from
    `dependency_overrides_provider.dependency_overrides`, `dependency_cache` used
    and updated in place). Yield dependencies are cleaned up when the request
    scope's `fastapi_function_astack` (function scope) and `fastapi_inner_astack`
    close. Raises `AssertionError` without `fastapi_inner_astack`, as FastAPI."""
    inner = request.scope.get("fastapi_inner_astack")
    assert isinstance(inner, AsyncExitStack), "fastapi_inner_astack not found in request scope"
    function_stack = request.scope.get("fastapi_function_astack")
    if not isinstance(function_stack, AsyncExitStack):
        function_stack = inner
    solvable_ = solvable(dependant)
    found: dict[str, Any] = {}
    slot_errors: dict[str, list[KeyedError]] = {}
    if solvable_.extractor is not None and solvable_.validator is not None:
        found, invalid = solvable_.validator(solvable_.extractor(request, request.query_params))
        slot_errors.update(invalid or {})
    received = body
    for slot, _spec, field, key in solvable_.bodies:
        has, value, field_errors = _body_value(field, received, embed_body_fields)
        if has and not field_errors:
            found[slot] = value
        else:
            slot_errors[slot] = [(key, error) for error in field_errors]
    if response is None:
        response = Response()
        del response.headers["content-length"]
        response.status_code = None  # type: ignore[assignment]
    values: dict[Any, Any] = {CONNECTION: request, VALUES: found, RESPONSE: response}
    if background_tasks is not None:
        values[TASKS] = background_tasks
    if slot_errors:
        values[ERRORS] = slot_errors
    container = _container(dependency_overrides_provider)
    # The cancel guard (an anyio cancel scope, exited where the stack closes) only
    # when an async yield dependency may be entered: a plan without one may be solved
    # in another task than the one closing the scope's stacks (fastapi-jsonrpc's
    # scheduler), as on FastAPI.
    guard = container.needs_cancel_guard(solvable_.plan)
    request_scope = container.request_scope(values, cancel_guard=guard)
    await request_scope.__aenter__()
    inner.push_async_exit(request_scope.__aexit__)
    function_scope = request_scope.function_scope()
    await function_scope.__aenter__()
    function_stack.push_async_exit(function_scope.__aexit__)
    nodes = _nodes(solvable_.plan)
    if dependency_cache:
        for node in nodes:
            fastapi_key = _cache_key(node)
            if fastapi_key in dependency_cache:
                cached = dependency_cache[fastapi_key]
                function_scope.cache[node.cache_key] = cached
                request_scope.cache[node.cache_key] = cached
    kwargs: dict[str, Any] = {}
    errors: list[Any] = []
    try:
        kwargs = await function_scope.solve(solvable_.plan)
    except ParameterErrors as exc:
        errors = ordered_errors(exc.errors, solvable_.plan, container)
        errors += [error for error in exc.errors if not isinstance(error, tuple)]
        kwargs = _solved_so_far(solvable_.plan, function_scope.cache, request_scope.cache)
    cache: dict[Any, Any] = dependency_cache if dependency_cache is not None else {}
    for node in nodes:
        for scope_cache in (function_scope.cache, request_scope.cache):
            value = scope_cache.get(node.cache_key, _ABSENT)
            if value is not _ABSENT and _is_value(value):
                cache[_cache_key(node)] = value
                break
    return SolvedDependency(
        values=kwargs,
        errors=errors,
        background_tasks=values.get(TASKS),
        response=response,
        dependency_cache=cache,
    )


_ABSENT: Any = object()


def _solved_so_far(plan: DependencyPlan, *caches: dict[Any, Any]) -> dict[str, Any]:
    """The values of the named sub-dependencies that were solved (found in the
    caches) when some input was invalid: FastAPI returns them with the errors."""
    solved: dict[str, Any] = {}
    for binding in plan.bindings:
        node = binding.payload
        if not isinstance(node, DependencyNode):
            continue
        for cache in caches:
            value = cache.get(node.cache_key, _ABSENT)
            if value is not _ABSENT and _is_value(value):
                solved[binding.name] = value
                break
    return solved


def _is_value(value: Any) -> bool:
    from fastslim_di._solve import FAILED

    return value is not FAILED
