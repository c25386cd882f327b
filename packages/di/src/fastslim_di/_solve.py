"""Solving a plan: the one algorithm, shared by the async and the sync driver.

Solving inspects no signature: it walks the bindings computed by `build_plan`,
from the plan's root node (`DependencyPlan.root`). Each node's arguments are
gathered by one loop (`_compute`), each child's value found by one lookup
(`solve_node`, with its common cases inlined in the loop).

The code is written as coroutines, and the drivers differ only in the
`SolveState` they pass:

- the async driver (`solve_plan`) awaits it on the event loop; sync
  dependencies and sync generator steps run in anyio's thread pool
  (`st.run_sync`), as in FastAPI;
- the sync driver (`_solve_sync`) runs the same coroutines to completion without
  an event loop: its `st.run_sync` calls inline and nothing it awaits ever
  suspends (async dependencies and sources, `max_concurrency` and concurrent
  solving are refused before solving starts).
"""

from __future__ import annotations

import functools
from typing import Any

import anyio

from ._callables import CallKind, callable_name
from ._cleanup import CleanupStack
from ._errors import (
    DependencyDeclarationError,
    DependencyDidNotYieldError,
    ParameterErrors,
    ScopeNotActiveError,
)
from ._overrides import substitute
from ._plan import LOOKUP_APP, LOOKUP_NONE, LOOKUP_SOLVE, Bind, DependencyNode, DependencyPlan
from ._scopes import Level
from ._security import SecurityScopes
from ._state import AppState, SolveState

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


async def solve_plan(plan: DependencyPlan, st: SolveState, skip: frozenset[str]) -> dict[str, Any]:
    """Solve `plan.dependencies`, then the callable's own parameters (minus `skip`).

    Returns the keyword arguments. Raises `ParameterErrors` with every error the
    sources (and dependencies) reported, once everything that could be solved
    was; any other exception of a dependency as it is.
    """
    kwargs: Any = await _compute(plan.root(skip) if skip else plan.full_root, st, None)
    if kwargs is FAILED or st.errors:
        raise ParameterErrors(st.errors)
    for name in plan.discarded:
        del kwargs[name]
    result: dict[str, Any] = kwargs
    return result


async def solve_node(node: DependencyNode, st: SolveState) -> Any:
    """The value of `node` in this solve: from a cache, or by calling it.

    The loop of `_compute` looks its children up inline when `st.fast` and
    comes here otherwise (overrides, concurrency, app scope).
    """
    if st.overrides is not None:
        node = _overridden(node, st)
    level = node.level
    if level is _LEVEL_APP:
        return await _app_value(node, st)
    if not node.use_cache:
        return await _compute(node, st, None)
    cache = st.cache if level is _LEVEL_SOLVE else st.request_cache
    value = cache.get(node.cache_key, _MISSING)
    if value is not _MISSING:
        if type(value) is _Pending:
            return await value.wait()
        return value
    if st.concurrent:
        return await _solve_shared(node, st, cache)
    return await _compute(node, st, cache)


def _overridden(node: DependencyNode, st: SolveState) -> DependencyNode:
    """The node standing in for `node` under the overrides in force (or `node`)."""
    if node.override_key is None or st.overrides is None:
        return node
    found = substitute(node, *st.overrides)
    if st.sync and found is not node and not found.sync_solvable:
        raise DependencyDeclarationError(
            f'The override of the dependency "{node.name}" by "{callable_name(found.call)}" '
            f"is async (or has an async part or max_concurrency), so it cannot be solved for "
            f"a plain `def` function; make the function `async def`."
        )
    return found


async def _compute(node: DependencyNode, st: SolveState, cache: dict[Any, Any] | None) -> Any:
    """Gather `node`'s arguments, call it (its value was not cached), store its
    value in `cache` (if given) and return it; `FAILED` if an input was invalid.

    The one argument loop. A source raising `ParameterErrors` marks the call as
    failed: its errors are collected and the other arguments are still solved
    (as FastAPI does). A dependency raising it is failed itself (its errors
    collected once, `FAILED` cached like a value), and so is its caller.
    """
    fast = st.fast
    done = None if fast or not st.concurrent else await _concurrent_children(node, st)
    args = [] if node.has_positional else _NO_ARGS
    kwargs = {}
    failed = False
    for name, bind, payload, positional in node.steps:
        try:
            if bind is _DEPENDENCY:
                if not fast:
                    value = done[name] if done is not None else await solve_node(payload, st)
                elif (lookup := payload.lookup) == _LOOKUP_APP:
                    value = await solve_node(payload, st)
                elif lookup == _LOOKUP_NONE:
                    value = await _compute(payload, st, None)
                else:  # `solve_node` inlined for the common cases
                    child_cache = st.cache if lookup == _LOOKUP_SOLVE else st.request_cache
                    value = child_cache.get(payload.cache_key, _MISSING)
                    if value is _MISSING:
                        if payload.leaf_async:  # no inputs: no frame of ours needed
                            try:
                                value = await payload.call()
                            except ParameterErrors:
                                child_cache[payload.cache_key] = FAILED
                                raise
                            child_cache[payload.cache_key] = value
                        else:
                            value = await _compute(payload, st, child_cache)
                if value is FAILED:
                    failed = True
                    continue
            elif bind is _SOURCE:
                value = payload(st.context)
            elif bind is _ASYNC_SOURCE:
                value = await payload(st.context)
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
    if node.is_root:  # a plan's root: its value is the keyword arguments
        return kwargs
    held = None  # the `max_concurrency` slot held, released below
    try:
        if node.plain_async:  # the common case: an async function, no limiter
            value = await node.call(*args, **kwargs)
        else:
            # Any other call: in the driver's `run_sync`, as a generator (its
            # cleanup pushed on its scope's stack), or holding its slot.
            limiter = node.limiter
            if limiter is not None:
                await limiter.acquire()
                held = limiter
            kind = node.kind
            call = node.call
            if kind is _ASYNC_FUNCTION:
                value = await call(*args, **kwargs)
            elif kind is _SYNC_FUNCTION:
                if kwargs:
                    value = await st.run_sync(functools.partial(call, *args, **kwargs))
                else:
                    value = await st.run_sync(call, *args)
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
                    value = await st.run_sync(_first_value, gen)
                    if value is _MISSING:
                        raise _no_yield(node)
                    _stack_for(node, st).entries.append((gen, False, node.name, release))
                held = None  # the stack releases the slot after cleanup
    except ParameterErrors as exc:  # the dependency found its inputs invalid
        st.errors.extend(exc.errors)
        value = FAILED
    finally:
        if held is not None:
            held.release()
    if cache is not None:
        cache[node.cache_key] = value
    return value


def _stack_for(node: DependencyNode, st: SolveState) -> CleanupStack:
    """The cleanup stack of `node`'s scope, created on first use."""
    scope = node.scope
    if scope == "function":
        state = st.function_scope
    elif scope == "app":
        state = _running_app(node, st)
    else:
        state = st.request_scope
    stack = state.stack
    if stack is None:
        stack = state.stack = CleanupStack()
    return stack


def _running_app(node: DependencyNode, st: SolveState) -> AppState:
    if st.app is None:
        raise ScopeNotActiveError(
            f'The dependency "{node.name}" has a scope of "app", but its container is not '
            f'running: enter it first ("async with container:").'
        )
    return st.app


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
        value = await _compute(node, st, None)
    except BaseException as exc:
        del cache[key]
        pending.error = exc
        pending.event.set()
        raise
    cache[key] = pending.value = value
    pending.event.set()
    return value


async def _app_value(node: DependencyNode, st: SolveState) -> Any:
    """An app-scoped value: created once per running container, under a lock."""
    app = _running_app(node, st)
    key = node.cache_key
    value = app.cache.get(key, _MISSING)
    if value is not _MISSING:
        return value
    if st.sync:
        with app.sync_lock:
            return await _create_app_value(node, st, app)
    async with app.lock(key):
        value = await _create_app_value(node, st, app)
    if value is not FAILED:
        app.locks.pop(key, None)  # created: later uses find it before locking
    return value


async def _create_app_value(node: DependencyNode, st: SolveState, app: AppState) -> Any:
    value = app.cache.get(node.cache_key, _MISSING)
    if value is _MISSING:
        value = await _compute(node, st, None)
        if value is not FAILED:
            app.cache[node.cache_key] = value
    return value


async def _concurrent_children(node: DependencyNode, st: SolveState) -> dict[str, Any] | None:
    """Concurrent solving (opt-in): the values of `node`'s dependencies, keyed by
    parameter name, or `None` when there is nothing to run concurrently.

    Dependencies with a yield dependency in their subtree are solved in the
    current task, in order, while the others run in tasks: a yield dependency's
    code before and after `yield` must run in the request's context, so that
    the context variables it sets reach the function and its own cleanup
    (`ContextVar.reset` needs the same context).
    """
    in_tasks: list[tuple[str, DependencyNode]] = []
    in_place: list[tuple[str, DependencyNode]] = []
    for binding in node.bindings:
        if binding.bind is _DEPENDENCY:
            child = binding.payload
            (in_place if child.has_generator else in_tasks).append((binding.name, child))
    if len(in_tasks) < 2:
        return None
    results: dict[str, Any] = {}

    async def run(name: str, child: DependencyNode) -> None:
        results[name] = await solve_node(child, st)

    try:
        async with anyio.create_task_group() as group:
            for name, child in in_tasks:
                group.start_soon(run, name, child)
            for name, child in in_place:
                await run(name, child)
    except BaseExceptionGroup as group_error:
        # Waiters of a failed shared dependency re-raise the same object: count it once.
        unique = {id(error): error for error in group_error.exceptions}
        if len(unique) == 1:
            raise group_error.exceptions[0] from None
        raise
    return results
