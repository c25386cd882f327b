"""`Container`: the app scope, request scopes and function scopes.

    container = Container()
    async with container:                              # app scope (lifespan, worker run)
        async with container.request_scope() as request:   # one request / job
            result = await request.call(handler)       # function scope around the call

A host framework uses the lower-level steps: `plan = container.plan(endpoint)`
once, then per request `request.function_scope()` and `FunctionScope.solve(plan)`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager, suppress
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, TypeVar

import anyio.to_thread

from ._build import build_plan
from ._cleanup import CleanupStack
from ._depends import Depends
from ._errors import ContainerStateError
from ._overrides import ContextOverrides, OverrideMapping, effective_overrides
from ._plan import DependencyPlan, ParameterResolver
from ._solve import SolveState, solve_plan
from ._solve_sync import solve_plan_sync

T = TypeVar("T")

_CURRENT_CONTAINER: ContextVar[Container | None] = ContextVar(
    "fastslim_di.current_container", default=None
)
_CURRENT_REQUEST: ContextVar[RequestScope | None] = ContextVar(
    "fastslim_di.current_request", default=None
)


class Container:
    """Owns app-scoped values and their cleanup, overrides and cached plans.

    - `resolver`: the host's `ParameterResolver` used by `plan()` (none standalone).
    - `dependency_overrides`: a plain `{original: replacement}` dict, mutable at
      any time (pass your own dict to share it).
    - `concurrent=True`: solve the sibling dependencies of each level in
      concurrent tasks instead of one after the other.

    App-scoped dependencies need the container to be running (`async with
    container:`); their cleanup runs, in reverse order, when it exits. The
    other scopes work without entering it.
    """

    def __init__(
        self,
        *,
        resolver: ParameterResolver | None = None,
        dependency_overrides: dict[Callable[..., Any], Callable[..., Any]] | None = None,
        concurrent: bool = False,
    ) -> None:
        self.resolver = resolver
        self.dependency_overrides: dict[Callable[..., Any], Callable[..., Any]] = (
            {} if dependency_overrides is None else dependency_overrides
        )
        self.concurrent = concurrent
        self._context_overrides = ContextOverrides(f"fastslim_di.overrides.{id(self):x}")
        self._plans: dict[Any, DependencyPlan] = {}
        self._app_cache: dict[Any, Any] = {}
        self._app_locks: dict[Any, Any] = {}
        self._app_stack: CleanupStack | None = None
        self._token: Token[Container | None] | None = None

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<Container {state}, {len(self._app_cache)} app values>"

    # -- app scope ----------------------------------------------------------

    @property
    def running(self) -> bool:
        """True between `__aenter__` and `__aexit__`."""
        return self._app_stack is not None

    async def __aenter__(self) -> Container:
        return self._start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        return await self.aclose(exc)

    def __enter__(self) -> Container:
        """Run the app scope from sync code (sync yield dependencies only)."""
        return self._start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        stack = self._stop()
        return stack.close(exc) if stack is not None else False

    def _start(self) -> Container:
        if self._app_stack is not None:
            raise ContainerStateError(f"{self!r} is already running; enter it only once.")
        self._app_stack = CleanupStack()
        self._token = _CURRENT_CONTAINER.set(self)
        return self

    def _stop(self) -> CleanupStack | None:
        stack, self._app_stack = self._app_stack, None
        if self._token is not None:
            # ValueError: closed from another context than the one that entered.
            with suppress(ValueError):
                _CURRENT_CONTAINER.reset(self._token)
            self._token = None
        self._app_cache = {}
        self._app_locks = {}
        return stack

    async def aclose(self, exc: BaseException | None = None) -> bool:
        """Shut the app scope down: clean up app-scoped yield dependencies.

        Returns True if a cleanup swallowed `exc`. The container may be entered again.
        """
        stack = self._stop()
        if stack is None:
            return False
        return await stack.aclose(exc)

    # -- plans and overrides ------------------------------------------------

    def plan(
        self, call: Callable[..., Any], *, dependencies: Sequence[Depends] = ()
    ) -> DependencyPlan:
        """The plan of `call` with this container's resolver, built once and cached.

        Parameters nothing can provide are left to the caller (as `@inject`
        does); use `build_plan` directly to make them an error.
        """
        key = (call, tuple(dependencies)) if dependencies else call
        plan = self._plans.get(key)
        if plan is None:
            plan = build_plan(
                call, dependencies=dependencies, resolver=self.resolver, unresolved="caller"
            )
            self._plans[key] = plan
        return plan

    def override(
        self, original: Callable[..., Any], replacement: Callable[..., Any]
    ) -> AbstractContextManager[None]:
        """`with container.override(get_db, fake_db):` for the current context only.

        Nested blocks restore the outer overrides on exit; tasks started inside
        inherit them; concurrent tasks do not see each other's.
        """
        return self._context_overrides.apply({original: replacement})

    def overrides(self, mapping: OverrideMapping) -> AbstractContextManager[None]:
        """Like `override()`, for several dependencies at once."""
        return self._context_overrides.apply(mapping)

    def active_overrides(self) -> OverrideMapping | None:
        """The overrides a solve started now would use, or None."""
        return effective_overrides(self.dependency_overrides, self._context_overrides.current())

    # -- request scope ------------------------------------------------------

    def request_scope(self, values: Mapping[Any, Any] | None = None) -> RequestScope:
        """A new request scope; `values` are the host's values for its sources."""
        return RequestScope(self, values)

    def current_request(self) -> RequestScope | None:
        """The request scope of this container entered in the current context, if any."""
        request = _CURRENT_REQUEST.get()
        if request is not None and request.container is self:
            return request
        return None

    async def call(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> Any:
        """Call `func` with its dependencies solved; caller arguments win.

        Uses the current request scope of this container, or one opened (and
        closed) around the call. Sync functions run in the thread pool.
        """
        request = self.current_request()
        if request is not None:
            return await request.call(func, *args, **kwargs)
        async with self.request_scope() as request:
            return await request.call(func, *args, **kwargs)


def current_container() -> Container | None:
    """The container entered (`async with`) in the current context, if any."""
    return _CURRENT_CONTAINER.get()


class RequestScope:
    """One request (or job): request-scoped values and their cleanup.

    `values` holds what the host provides for this request (the request object,
    the background tasks...); parameter sources read it.
    """

    __slots__ = ("_cache", "_stack", "_state", "_token", "container", "values")

    def __init__(self, container: Container, values: Mapping[Any, Any] | None = None) -> None:
        self.container = container
        self.values: dict[Any, Any] = dict(values) if values else {}
        self._cache: dict[Any, Any] = {}
        self._stack = CleanupStack()
        self._state = 0
        self._token: Token[RequestScope | None] | None = None

    def __repr__(self) -> str:
        state = ("new", "open", "closed")[self._state]
        return f"<RequestScope {state}>"

    async def __aenter__(self) -> RequestScope:
        return self._open()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self._close()
        stack = self._stack
        if not stack.entries:
            return False
        return await stack.aclose(exc)

    def __enter__(self) -> RequestScope:
        """Open the scope from sync code (sync yield dependencies only)."""
        return self._open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self._close()
        return self._stack.close(exc)

    def _open(self) -> RequestScope:
        if self._state:
            raise ContainerStateError(f"{self!r} was already entered; a scope is used once.")
        self._state = 1
        self._token = _CURRENT_REQUEST.set(self)
        return self

    def _close(self) -> None:
        self._state = 2
        token = self._token
        if token is not None:
            # ValueError: closed from another context than the one that entered.
            # (try/except: `suppress()` costs an object and two calls per request.)
            try:  # noqa: SIM105
                _CURRENT_REQUEST.reset(token)
            except ValueError:
                pass
            self._token = None
        self._cache = {}

    def function_scope(self) -> FunctionScope:
        """A function scope: solve in it, call the function, then exit it."""
        if self._state != 1:
            raise ContainerStateError(
                f"{self!r} is not open; enter it with `async with` before solving."
            )
        return FunctionScope(self)

    async def call(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> Any:
        """Solve `func`'s dependencies, call it, then exit its function scope."""
        plan = self.container.plan(func)
        return await self.call_plan(plan, args, kwargs)

    async def call_plan(
        self, plan: DependencyPlan, args: Sequence[Any], kwargs: Mapping[str, Any]
    ) -> Any:
        """`call()` with a plan built beforehand (what `@inject` uses)."""
        skip: Collection[str] = ()
        if args or kwargs:
            skip = {*plan.argument_names[: len(args)], *kwargs}
        func = plan.call
        # `async with self.function_scope() as scope:`, inlined.
        scope = self.function_scope()
        try:
            solved = await solve_plan(plan, scope._state_for_solve(), skip)
            if plan.is_async:
                result = await func(*args, **solved, **kwargs)
            else:
                result = await anyio.to_thread.run_sync(
                    functools.partial(func, *args, **solved, **kwargs)
                )
        except BaseException as exc:
            if await scope.__aexit__(type(exc), exc, exc.__traceback__):
                return None
            raise
        scope._cache = {}
        stack = scope._stack
        if stack is not None and stack.entries:
            await stack.aclose(None)
        return result

    def call_plan_sync(
        self, plan: DependencyPlan, args: Sequence[Any], kwargs: Mapping[str, Any]
    ) -> Any:
        """`call_plan` for a sync function whose dependencies are all sync."""
        skip: Collection[str] = ()
        if args or kwargs:
            skip = {*plan.argument_names[: len(args)], *kwargs}
        with self.function_scope() as scope:
            solved = scope.solve_sync(plan, skip=skip)
            return plan.call(*args, **solved, **kwargs)


class FunctionScope:
    """One solve: its cache and its function-scoped cleanup.

    Exit it right after the function that received the solved values returns.
    """

    __slots__ = ("_cache", "_stack", "request")

    def __init__(self, request: RequestScope) -> None:
        self.request = request
        self._cache: dict[Any, Any] = {}
        self._stack: CleanupStack | None = None  # created by the first function-scoped yield

    def cleanup_stack(self) -> CleanupStack:
        """The stack of this scope's yield dependencies (created on first use)."""
        stack = self._stack
        if stack is None:
            stack = self._stack = CleanupStack()
        return stack

    async def __aenter__(self) -> FunctionScope:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self._cache = {}
        stack = self._stack
        if stack is None or not stack.entries:
            return False
        return await stack.aclose(exc)

    def __enter__(self) -> FunctionScope:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self._cache = {}
        stack = self._stack
        if stack is None:
            return False
        return stack.close(exc)

    def _state_for_solve(self) -> SolveState:
        container = self.request.container
        base = container.dependency_overrides
        context = container._context_overrides.current()
        overrides = effective_overrides(base, context) if base or context else None
        return SolveState(self, overrides, container.concurrent)

    def solve_sync(self, plan: DependencyPlan, *, skip: Collection[str] = ()) -> dict[str, Any]:
        """`solve()` in the current thread, for plans of sync dependencies only."""
        return solve_plan_sync(plan, self._state_for_solve(), skip)

    async def solve(self, plan: DependencyPlan, *, skip: Collection[str] = ()) -> dict[str, Any]:
        """The keyword arguments for `plan.call`, every dependency solved.

        Parameters named in `skip` (given by the caller) are not solved.
        """
        return await solve_plan(plan, self._state_for_solve(), skip)
