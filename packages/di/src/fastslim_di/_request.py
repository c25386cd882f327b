"""`RequestScope` and `FunctionScope`: one request (or job), and one solve in it.

    async with container.request_scope({"request": request}) as request_scope:
        async with request_scope.function_scope() as scope:
            kwargs = await scope.solve(plan)     # or scope.solve_sync(plan)
            result = await endpoint(**kwargs)
        # function-scoped cleanup done
    # request-scoped cleanup done

Both are `ScopeState`s: their caches and cleanup stacks are the solver's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Coroutine, Mapping, Sequence
from contextvars import ContextVar, Token
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import anyio.to_thread

from ._cleanup import CleanupStack
from ._drive import run_inline
from ._errors import ContainerStateError
from ._guard import CancelGuard
from ._plan import DependencyPlan
from ._solve import solve_plan
from ._solve_sync import solve_plan_sync
from ._state import ScopeState, SolveState

if TYPE_CHECKING:
    from ._container import Container

T = TypeVar("T")
_run_sync = anyio.to_thread.run_sync

CURRENT_REQUEST: ContextVar[RequestScope | None] = ContextVar(
    "fastslim_di.current_request", default=None
)
"""The request scope entered in the current context, if any."""


class RequestScope(ScopeState):
    """One request (or job): request-scoped values and their cleanup.

    `values` holds what the host provides for this request (the request object,
    the background tasks...); parameter sources read it. Its cache and cleanup
    stack (`ScopeState`) are the solver's.

    `cancel_guard` (entered with `async with` only): the cleanups of its yield
    dependencies, and of the function scopes in it, finish even when the task
    is cancelled from outside the scope; see "Cancellation" in the README.
    """

    __slots__ = ("_guard", "_phase", "_token", "cancel_guard", "container", "values")

    def __init__(
        self,
        container: Container,
        values: Mapping[Any, Any] | None = None,
        *,
        cancel_guard: bool = True,
    ) -> None:
        self.cache: dict[Any, Any] = {}
        self.stack: CleanupStack | None = None
        self.container = container
        self.values: dict[Any, Any] = dict(values) if values else {}
        self.cancel_guard = cancel_guard
        self._guard: CancelGuard | None = None
        self._phase = 0
        self._token: Token[RequestScope | None] | None = None

    def __repr__(self) -> str:
        phase = ("new", "open", "closed")[self._phase]
        return f"<RequestScope {phase}>"

    async def __aenter__(self) -> RequestScope:
        """Open the scope. Raises `ContainerStateError` if it was entered before;
        on exit, raises what a cleanup left in flight (or the cancellation that
        arrived while the cleanups ran)."""
        self._open()
        if self.cancel_guard:
            self._guard = CancelGuard()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        stack = self._close()
        guard = self._guard
        if guard is None:
            if stack is None:
                return False
            return await stack.aclose(exc)
        self._guard = None
        try:
            swallowed = False if stack is None else await guard.cleanup(stack, exc)
        except BaseException as error:
            guard.exit(type(error), error, error.__traceback__)
            raise
        if swallowed:
            guard.exit(None, None, None)
        else:
            guard.exit(exc_type, exc, tb)
        return swallowed

    def __enter__(self) -> RequestScope:
        """Open the scope from sync code (sync yield dependencies only).

        Raises `ContainerStateError` if it was entered before; on exit, an
        async request-scoped yield dependency puts `ContainerStateError` in
        flight (see `CleanupStack.close`).
        """
        return self._open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        stack = self._close()
        if stack is None:
            return False
        return stack.close(exc)

    def _open(self) -> RequestScope:
        if self._phase:
            raise ContainerStateError(f"{self!r} was already entered; a scope is used once.")
        self._phase = 1
        self._token = CURRENT_REQUEST.set(self)
        return self

    def _close(self) -> CleanupStack | None:
        self._phase = 2
        token = self._token
        if token is not None:
            # ValueError: closed from another context than the one that entered.
            # (try/except: `suppress()` costs an object and two calls per request.)
            try:  # noqa: SIM105
                CURRENT_REQUEST.reset(token)
            except ValueError:
                pass
            self._token = None
        self.cache = {}  # `take_stack()`, inlined
        stack = self.stack
        if stack is None or not stack.entries:
            return None
        self.stack = None
        return stack

    def function_scope(self) -> FunctionScope:
        """A function scope: solve in it, call the function, then exit it.

        Raises `ContainerStateError` if this request scope is not open.
        """
        if self._phase != 1:
            raise ContainerStateError(
                f"{self!r} is not open; enter it with `async with` before solving."
            )
        return FunctionScope(self)

    async def call(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> Any:
        """Solve `func`'s dependencies, call it, then exit its function scope.

        Raises what `call_plan` raises, and `DependencyDeclarationError` if
        `func`'s plan cannot be built.
        """
        plan = self.container.plan(func)
        return await self.call_plan(plan, args, kwargs)

    async def call_plan(
        self, plan: DependencyPlan, args: Sequence[Any], kwargs: Mapping[str, Any]
    ) -> Any:
        """`call()` with a plan built beforehand (what `@inject` uses).

        Raises `ParameterErrors` (invalid inputs), what the function or a
        dependency raised (after the function scope's cleanup saw it), or what
        a cleanup left in flight.
        """
        skip = _skipped(plan, args, kwargs) if args or kwargs else _NO_SKIP
        func = plan.call
        # `async with self.function_scope() as scope:`, inlined.
        if self._phase != 1:
            self.function_scope()  # raises ContainerStateError
        scope = FunctionScope(self)
        try:
            solved = await solve_plan(plan, scope._solve_state(), skip)
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
        stack = scope.stack  # `scope.__aexit__(None, None, None)`, inlined
        if stack is not None and stack.entries:
            guard = self._guard
            if guard is None:
                await stack.aclose(None)
            else:
                await guard.cleanup(stack, None)
        return result

    def call_plan_sync(
        self, plan: DependencyPlan, args: Sequence[Any], kwargs: Mapping[str, Any]
    ) -> Any:
        """`call_plan` with the sync driver, in the caller's thread, for a sync
        function whose dependencies are all sync (`DependencyDeclarationError`
        otherwise)."""
        skip = _skipped(plan, args, kwargs) if args or kwargs else _NO_SKIP
        with self.function_scope() as scope:
            solved = scope.solve_sync(plan, skip=skip)
            return plan.call(*args, **solved, **kwargs)


_NO_SKIP: frozenset[str] = frozenset()


def _skipped(
    plan: DependencyPlan, args: Sequence[Any], kwargs: Mapping[str, Any]
) -> frozenset[str]:
    """The parameters the caller gives (their dependencies are not solved)."""
    return frozenset((*plan.argument_names[: len(args)], *kwargs))


class FunctionScope(ScopeState):
    """One solve: its cache and its function-scoped cleanup (`ScopeState`).

    Exit it right after the function that received the solved values returns.
    Its cleanup runs under its request scope's cancel guard, if any.
    """

    __slots__ = ("request",)

    def __init__(self, request: RequestScope) -> None:
        self.cache: dict[Any, Any] = {}
        self.stack: CleanupStack | None = None
        self.request = request

    async def __aenter__(self) -> FunctionScope:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        stack = self.take_stack()
        if stack is None:
            return False
        guard = self.request._guard
        if guard is None:
            return await stack.aclose(exc)
        return await guard.cleanup(stack, exc)

    def __enter__(self) -> FunctionScope:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        stack = self.take_stack()
        if stack is None:
            return False
        return stack.close(exc)

    def _solve_state(self, sync: bool = False) -> SolveState:
        request = self.request
        container = request.container
        overrides = None
        if container.dependency_overrides or container._context_overrides.current() is not None:
            overrides = container._solve_overrides()
        elif container._dict_overrides.nodes is not None:  # the dict was emptied
            container._dict_overrides.forget()
        if sync:
            return SolveState(request, container._app, request, self, overrides, False, run_inline)
        return SolveState(
            request, container._app, request, self, overrides, container.concurrent, _run_sync
        )

    def solve_sync(self, plan: DependencyPlan, *, skip: Collection[str] = ()) -> dict[str, Any]:
        """`solve()` with the sync driver, in the current thread, for plans whose
        dependencies and sources are all sync.

        Raises `DependencyDeclarationError` if `plan` (or an override in force)
        needs the async driver, and what `solve()` raises.
        """
        return solve_plan_sync(plan, self._solve_state(True), frozenset(skip))

    def solve(
        self, plan: DependencyPlan, *, skip: Collection[str] = ()
    ) -> Coroutine[Any, Any, dict[str, Any]]:
        """The keyword arguments for `plan.call`, every dependency solved.

        Parameters named in `skip` (given by the caller) are not solved. Raises
        `ParameterErrors` with every invalid input once everything else was
        solved, `ScopeNotActiveError` for an app-scoped dependency of a
        stopped container, `DependencyDeclarationError` for an override that
        cannot stand in, and whatever a dependency raised.
        """
        # The solver's own coroutine, awaited by the caller: no frame of ours stays on
        # the stack while it runs (each suspension resumes every frame of the stack).
        return solve_plan(plan, self._solve_state(), frozenset(skip) if skip else _NO_SKIP)
