"""Solving a plan (async driver): call each dependency once, in declaration order.

Solving inspects no signature: it walks the bindings computed by `build_plan`.
Sync dependencies and sync generator steps run in anyio's thread pool, as in
FastAPI; async ones are awaited on the event loop.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread

from ._callables import CallKind
from ._cleanup import CleanupStack
from ._errors import DependencyDidNotYieldError, ParameterErrors, ScopeNotActiveError
from ._plan import (
    LOOKUP_APP,
    LOOKUP_NONE,
    LOOKUP_SOLVE,
    Bind,
    Binding,
    DependencyNode,
    DependencyPlan,
    Level,
)
from ._security import SecurityScopes

if TYPE_CHECKING:
    from ._container import FunctionScope

_MISSING: Any = object()
FAILED: Any = object()
"""The value of a dependency whose inputs were invalid (it was not called)."""
_NO_ARGS: list[Any] = []  # shared, never appended to (no positional bindings)
_DEPENDENCY = Bind.DEPENDENCY
_SOURCE = Bind.SOURCE
_ASYNC_SOURCE = Bind.ASYNC_SOURCE
_SECURITY_SCOPES = Bind.SECURITY_SCOPES
_ASYNC_FUNCTION = CallKind.ASYNC_FUNCTION
_SYNC_FUNCTION = CallKind.SYNC_FUNCTION
_ASYNC_GENERATOR = CallKind.ASYNC_GENERATOR
_LEVEL_SOLVE = Level.SOLVE
_LEVEL_APP = Level.APP
_LOOKUP_SOLVE = LOOKUP_SOLVE
_LOOKUP_NONE = LOOKUP_NONE
_LOOKUP_APP = LOOKUP_APP
_run_sync = anyio.to_thread.run_sync


class _Pending:
    """A cached value being computed by another task (concurrent solving only)."""

    __slots__ = ("error", "event", "value")

    def __init__(self) -> None:
        self.event = anyio.Event()
        self.value: Any = _MISSING
        self.error: BaseException | None = None

    async def wait(self) -> Any:
        await self.event.wait()
        if self.error is not None:
            raise self.error
        return self.value


class SolveState:
    """Everything one solve needs: caches, overrides, the scopes to clean up in."""

    __slots__ = (
        "cache",
        "concurrent",
        "container",
        "errors",
        "overrides",
        "request",
        "request_cache",
        "scope",
    )

    def __init__(
        self,
        scope: FunctionScope,
        overrides: Mapping[Any, Callable[..., Any]] | None,
        concurrent: bool,
    ) -> None:
        request = scope.request
        self.scope = scope
        self.request = request
        self.container = request.container
        self.request_cache = request._cache
        self.cache = scope._cache
        self.overrides = overrides or None
        self.concurrent = concurrent
        self.errors: list[Any] = []


def _stack_for(node: DependencyNode, st: SolveState) -> CleanupStack:
    scope = node.scope
    if scope == "function":
        return st.scope.cleanup_stack()
    if scope == "app":
        stack = st.container._app_stack
        if stack is None:  # pragma: no cover - checked before calling
            raise _not_running(node)
        return stack
    return st.request._stack


def _not_running(node: DependencyNode) -> ScopeNotActiveError:
    return ScopeNotActiveError(
        f'The dependency "{node.name}" has a scope of "app", but its container is not '
        f'running: enter it first ("async with container:").'
    )


async def solve_node(node: DependencyNode, st: SolveState, fresh: bool = False) -> Any:
    """The value of `node` in this solve: from a cache, or by calling it.

    `fresh=True` calls it without looking at overrides or caches (the caller did).
    The sequential fast path (`_compute`, `solve_plan`) looks children up inline
    and comes here only for overrides and app-scoped dependencies.
    """
    cache: dict[Any, Any] | None = None
    if not fresh:
        overrides = st.overrides
        if overrides is not None and node.override_key is not None:
            replacement = overrides.get(node.override_key)
            if replacement is not None:
                node = node.overridden_by(replacement)
        level = node.level
        if level is _LEVEL_APP:
            return await _app_value(node, st)
        if node.use_cache:
            cache = st.cache if level is _LEVEL_SOLVE else st.request_cache
            value = cache.get(node.cache_key, _MISSING)
            if value is not _MISSING:
                if type(value) is _Pending:
                    return await value.wait()
                return value
            if st.concurrent:
                return await _solve_shared(node, st, cache)
    return await _compute(node, st, cache)


async def _compute(node: DependencyNode, st: SolveState, cache: dict[Any, Any] | None) -> Any:
    """Call `node` (its value was not cached) and store its value in `cache`.

    On the sequential path, each child dependency is looked up in its cache
    right here (no coroutine for a cached value); `solve_node` handles the rest.
    """
    if st.concurrent:
        args, kwargs, failed = await _arguments(
            node.bindings, node.has_positional, st, node.security_scopes
        )
    else:  # `_arguments` inlined: this loop runs for every dependency (keep both in step)
        args = [] if node.has_positional else _NO_ARGS
        kwargs = {}
        failed = False
        overrides = st.overrides
        for name, bind, payload, positional in node.bindings:
            try:
                if bind is _DEPENDENCY:
                    lookup = payload.lookup
                    if overrides is not None or lookup == _LOOKUP_APP:
                        value = await solve_node(payload, st)
                    elif lookup == _LOOKUP_NONE:
                        value = await _compute(payload, st, None)
                    else:
                        child_cache = st.cache if lookup == _LOOKUP_SOLVE else st.request_cache
                        value = child_cache.get(payload.cache_key, _MISSING)
                        if value is _MISSING:
                            if payload.leaf_async:  # no inputs: no frame of ours needed
                                value = child_cache[payload.cache_key] = await payload.call()
                            else:
                                value = await _compute(payload, st, child_cache)
                        elif type(value) is _Pending:
                            value = await value.wait()
                    if value is FAILED:
                        failed = True
                        continue
                elif bind is _SOURCE:
                    value = payload(st.request)
                elif bind is _ASYNC_SOURCE:
                    value = await payload(st.request)
                elif bind is _SECURITY_SCOPES:
                    value = SecurityScopes(node.security_scopes)
                else:
                    value = payload
            except ParameterErrors as exc:
                st.errors.extend(exc.errors)
                failed = True
                continue
            if positional:
                args.append(value)
            else:
                kwargs[name] = value
    if failed:  # invalid inputs: not called, as in FastAPI; the errors are collected
        if cache is not None:
            cache[node.cache_key] = FAILED
        return FAILED
    if node.plain_async:  # the common case: an async function, no limiter
        value = await node.call(*args, **kwargs)
        if cache is not None:
            cache[node.cache_key] = value
        return value
    limiter = node.limiter
    if limiter is not None:
        await limiter.acquire()
    try:
        kind = node.kind
        call = node.call
        if kind is _ASYNC_FUNCTION:
            value = await call(*args, **kwargs)
        elif kind is _SYNC_FUNCTION:
            if kwargs:
                value = await _run_sync(functools.partial(call, *args, **kwargs))
            else:
                value = await _run_sync(call, *args)
        else:
            release = limiter.release if limiter is not None else None
            if kind is _ASYNC_GENERATOR:
                agen = call(*args, **kwargs)
                try:
                    value = await agen.__anext__()
                except StopAsyncIteration:
                    raise _no_yield(node) from None
                _stack_for(node, st).entries.append((agen, True, node.name, release))
            else:
                gen = call(*args, **kwargs)
                value = await _run_sync(_first_value, gen)
                if value is _MISSING:
                    raise _no_yield(node)
                _stack_for(node, st).entries.append((gen, False, node.name, release))
            limiter = None  # the stack releases the slot after cleanup
    finally:
        if limiter is not None:
            limiter.release()
    if cache is not None:
        cache[node.cache_key] = value
    return value


def _first_value(gen: Any) -> Any:
    try:
        return next(gen)
    except StopIteration:
        return _MISSING


def _no_yield(node: DependencyNode) -> DependencyDidNotYieldError:
    return DependencyDidNotYieldError(
        f'The yield dependency "{node.name}" returned without yielding a value.'
    )


async def _solve_shared(node: DependencyNode, st: SolveState, cache: dict[Any, Any]) -> Any:
    """Concurrent solving: mark the value as pending so other tasks wait for it."""
    key = node.cache_key
    pending = _Pending()
    cache[key] = pending
    try:
        value = await solve_node(node, st, fresh=True)
    except BaseException as exc:
        del cache[key]
        pending.error = exc
        pending.event.set()
        raise
    cache[key] = pending.value = value
    pending.event.set()
    return value


async def _app_value(node: DependencyNode, st: SolveState) -> Any:
    container = st.container
    cache = container._app_cache
    key = node.cache_key
    value = cache.get(key, _MISSING)
    if value is not _MISSING:
        return value
    if container._app_stack is None:
        raise _not_running(node)
    lock = container._app_locks.get(key)
    if lock is None:
        lock = container._app_locks[key] = anyio.Lock()
    async with lock:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = await solve_node(node, st, fresh=True)
            if value is not FAILED:
                cache[key] = value
    return value


async def _arguments(
    bindings: tuple[Binding, ...],
    has_positional: bool,
    st: SolveState,
    security_scopes: tuple[str, ...],
    skip: Collection[str] = (),
) -> tuple[list[Any], dict[str, Any], bool]:
    """The arguments of one call, and whether some input was invalid.

    A source or a dependency that raises `ParameterErrors` marks the call as
    failed; its errors are collected and the other arguments are still solved.
    """
    concurrent = st.concurrent
    done = await _concurrent_dependencies(bindings, st, skip) if concurrent else None
    args = [] if has_positional else _NO_ARGS
    kwargs: dict[str, Any] = {}
    failed = False
    overrides = st.overrides
    for index, (name, bind, payload, positional) in enumerate(bindings):
        if skip and name in skip:
            continue
        try:
            if bind is _DEPENDENCY:
                if done is not None:
                    value = done[index]
                else:  # `solve_node` inlined for the sequential cases (keep both in step)
                    lookup = payload.lookup
                    if concurrent or overrides is not None or lookup == _LOOKUP_APP:
                        value = await solve_node(payload, st)
                    elif lookup == _LOOKUP_NONE:
                        value = await _compute(payload, st, None)
                    else:
                        cache = st.cache if lookup == _LOOKUP_SOLVE else st.request_cache
                        value = cache.get(payload.cache_key, _MISSING)
                        if value is _MISSING:
                            if payload.leaf_async:  # no inputs: no frame of ours needed
                                value = cache[payload.cache_key] = await payload.call()
                            else:
                                value = await _compute(payload, st, cache)
                        elif type(value) is _Pending:
                            value = await value.wait()
                if value is FAILED:
                    failed = True
                    continue
            elif bind is _SOURCE:
                value = payload(st.request)
            elif bind is _ASYNC_SOURCE:
                value = await payload(st.request)
            elif bind is _SECURITY_SCOPES:
                value = SecurityScopes(security_scopes)
            else:
                value = payload
        except ParameterErrors as exc:
            st.errors.extend(exc.errors)
            failed = True
            continue
        if positional:
            args.append(value)
        else:
            kwargs[name] = value
    return args, kwargs, failed


async def _concurrent_dependencies(
    bindings: tuple[Binding, ...], st: SolveState, skip: Collection[str]
) -> dict[int, Any] | None:
    """Solve the dependencies of one level in concurrent tasks (opt-in)."""
    indexes = [
        index
        for index, binding in enumerate(bindings)
        if binding[1] is _DEPENDENCY and not (skip and binding[0] in skip)
    ]
    if len(indexes) < 2:
        return None
    results: dict[int, Any] = {}

    async def run(index: int) -> None:
        results[index] = await solve_node(bindings[index][2], st)

    try:
        async with anyio.create_task_group() as group:
            for index in indexes:
                group.start_soon(run, index)
    except BaseExceptionGroup as group_error:
        # Waiters of a failed shared dependency re-raise the same object: count it once.
        unique = {id(error): error for error in group_error.exceptions}
        if len(unique) == 1:
            raise group_error.exceptions[0] from None
        raise
    return results


async def solve_plan(
    plan: DependencyPlan, st: SolveState, skip: Collection[str] = ()
) -> dict[str, Any]:
    """Solve `plan.dependencies`, then the callable's own parameters (minus `skip`).

    Raises `ParameterErrors` with every error the sources reported, once
    everything that could be solved was.
    """
    for node in plan.dependencies:
        await solve_node(node, st)
    kwargs = (await _arguments(plan.bindings, False, st, (), skip))[1]
    if st.errors:
        raise ParameterErrors(st.errors)
    return kwargs
