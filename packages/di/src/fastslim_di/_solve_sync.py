"""Solving a plan (sync driver), for `@inject` on plain `def` functions.

Same algorithm as `_solve`, with every dependency called directly in the
caller's thread: only sync functions, classes and sync generators can be used
(checked when the plan is built for `@inject`; an override replacing one with an
async callable fails when solved).
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import Any

from ._callables import call_kind
from ._cleanup import CleanupStack
from ._errors import DependencyDeclarationError, ParameterErrors
from ._plan import Bind, Binding, DependencyNode, DependencyPlan, Level
from ._security import SecurityScopes
from ._solve import _MISSING, FAILED, SolveState, _no_yield, _not_running

_APP_LOCK = threading.RLock()  # re-entrant: app dependencies may depend on others


def _stack_for(node: DependencyNode, st: SolveState) -> CleanupStack:
    if node.scope == "function":
        return st.scope.cleanup_stack()
    if node.scope == "app":
        stack = st.container._app_stack
        if stack is None:
            raise _not_running(node)
        return stack
    return st.request._stack


def _call(node: DependencyNode, st: SolveState) -> Any:
    if node.kind.is_async:
        raise DependencyDeclarationError(
            f'The dependency "{node.name}" is async, so it cannot be solved by the sync '
            f"driver of a plain `def` function; make the function `async def`."
        )
    args, kwargs, failed = _arguments(node.bindings, node.has_positional, st, node.security_scopes)
    if failed:
        return FAILED
    if not node.kind.is_generator:
        return node.call(*args, **kwargs)
    gen = node.call(*args, **kwargs)
    try:
        value = next(gen)
    except StopIteration:
        raise _no_yield(node) from None
    _stack_for(node, st).push_sync(gen, node.name, None)
    return value


def solve_node_sync(node: DependencyNode, st: SolveState) -> Any:
    """The value of `node` in this solve, calling it in the current thread."""
    overrides = st.overrides
    if overrides is not None and node.override_key is not None:
        replacement = overrides.get(node.override_key)
        if replacement is not None:
            node = node.overridden_by(replacement)
    if node.level is Level.APP:
        container = st.container
        if container._app_stack is None:
            raise _not_running(node)
        with _APP_LOCK:
            value = container._app_cache.get(node.cache_key, _MISSING)
            if value is _MISSING:
                value = _call(node, st)
                if value is not FAILED:
                    container._app_cache[node.cache_key] = value
        return value
    if not node.use_cache:
        return _call(node, st)
    cache = st.cache if node.level is Level.SOLVE else st.request_cache
    value = cache.get(node.cache_key, _MISSING)
    if value is _MISSING:
        value = cache[node.cache_key] = _call(node, st)
    return value


def _arguments(
    bindings: tuple[Binding, ...],
    has_positional: bool,
    st: SolveState,
    security_scopes: tuple[str, ...],
    skip: Collection[str] = (),
) -> tuple[list[Any], dict[str, Any], bool]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    failed = False
    for name, bind, payload, positional in bindings:
        if skip and name in skip:
            continue
        if bind is Bind.DEPENDENCY:
            value = solve_node_sync(payload, st)
            if value is FAILED:
                failed = True
                continue
        elif bind is Bind.SOURCE:
            try:
                value = payload(st.request)
            except ParameterErrors as exc:
                st.errors.extend(exc.errors)
                failed = True
                continue
        elif bind is Bind.ASYNC_SOURCE:
            raise DependencyDeclarationError(
                f'Parameter "{name}" has an async source, so it cannot be solved by the sync '
                f"driver of a plain `def` function; make the function `async def`."
            )
        elif bind is Bind.SECURITY_SCOPES:
            value = SecurityScopes(security_scopes)
        else:
            value = payload
        if has_positional and positional:
            args.append(value)
        else:
            kwargs[name] = value
    return args, kwargs, failed


def solve_plan_sync(
    plan: DependencyPlan, st: SolveState, skip: Collection[str] = ()
) -> dict[str, Any]:
    """The sync counterpart of `solve_plan`."""
    for node in plan.dependencies:
        solve_node_sync(node, st)
    _args, kwargs, _failed = _arguments(plan.bindings, False, st, (), skip)
    if st.errors:
        raise ParameterErrors(st.errors)
    return kwargs


def check_sync_plan(plan: DependencyPlan, where: str) -> None:
    """Raise at declaration if the sync driver cannot solve `plan`."""
    for node in plan.iter_nodes():
        if node.kind.is_async:
            raise DependencyDeclarationError(
                f'{where}: the dependency "{node.name}" is async, so it cannot be solved for '
                f"a plain `def` function; make the function `async def`."
            )
        if node.limiter is not None:
            raise DependencyDeclarationError(
                f'{where}: the dependency "{node.name}" has max_concurrency, which only '
                f"async functions support; make the function `async def`."
            )
    for info, source in plan.sources():
        if call_kind(source).is_async:
            raise DependencyDeclarationError(
                f'{where}: parameter "{info.name}" has an async source; make the function '
                f"`async def`."
            )
