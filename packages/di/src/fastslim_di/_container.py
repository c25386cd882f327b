"""`Container`: the app scope, the overrides and the plans; it opens request
scopes (`_request`), in which each call is a function scope.

    container = Container()
    async with container:                              # app scope (lifespan, worker run)
        async with container.request_scope() as request:   # one request / job
            result = await request.call(handler)       # function scope around the call

A host framework uses the lower-level steps: `plan = container.plan(endpoint)`
once, then per request `request.function_scope()` and `FunctionScope.solve(plan)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, suppress
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, TypeVar

from ._build import build_plan
from ._cleanup import CleanupStack
from ._depends import Depends
from ._errors import ContainerStateError
from ._guard import shielded_cleanup
from ._overrides import (
    ContextOverrides,
    DictOverrides,
    OverrideMapping,
    ReplacementNodes,
    effective_overrides,
    substitute,
)
from ._plan import DependencyNode, DependencyPlan, ParameterResolver
from ._request import CURRENT_REQUEST, RequestScope
from ._state import AppState

T = TypeVar("T")

PLAN_CACHE_SIZE = 512
"""How many plans a container keeps (`Container.plan`), the oldest dropped first."""

_CURRENT_CONTAINER: ContextVar[Container | None] = ContextVar(
    "fastslim_di.current_container", default=None
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
        self._dict_overrides = DictOverrides()
        self._plans: dict[Any, DependencyPlan] = {}
        self._app: AppState | None = None
        self._token: Token[Container | None] | None = None

    def __repr__(self) -> str:
        if self._app is None:
            return "<Container stopped>"
        return f"<Container running, {len(self._app.cache)} app values>"

    # -- app scope ----------------------------------------------------------

    @property
    def running(self) -> bool:
        """True between `__aenter__` and `__aexit__`."""
        return self._app is not None

    async def __aenter__(self) -> Container:
        """Run the app scope. Raises `ContainerStateError` if it already runs."""
        return self._start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        return await self.aclose(exc)

    def __enter__(self) -> Container:
        """Run the app scope from sync code (sync yield dependencies only).

        Raises `ContainerStateError` if it already runs; on exit, an async
        app-scoped yield dependency puts `ContainerStateError` in flight.
        """
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
        if self._app is not None:
            raise ContainerStateError(f"{self!r} is already running; enter it only once.")
        self._app = AppState()
        self._token = _CURRENT_CONTAINER.set(self)
        return self

    def _stop(self) -> CleanupStack | None:
        app, self._app = self._app, None
        if self._token is not None:
            # ValueError: closed from another context than the one that entered.
            with suppress(ValueError):
                _CURRENT_CONTAINER.reset(self._token)
            self._token = None
        return None if app is None else app.take_stack()

    async def aclose(self, exc: BaseException | None = None) -> bool:
        """Shut the app scope down: clean up app-scoped yield dependencies.

        Returns True if a cleanup swallowed `exc`. The container may be entered
        again. The cleanups finish even if the task is being cancelled (the
        cancellation is raised afterwards). Raises the exception a cleanup left
        in flight (see "Yield dependencies and cleanup" in the README).
        """
        stack = self._stop()
        if stack is None:
            return False
        return await shielded_cleanup(stack, exc)

    # -- plans and overrides ------------------------------------------------

    def plan(
        self, call: Callable[..., Any], *, dependencies: Sequence[Depends] = ()
    ) -> DependencyPlan:
        """The plan of `call` with this container's resolver, built once and cached.

        Parameters nothing can provide are left to the caller (as `@inject`
        does); use `build_plan` directly to make them an error. The cache holds
        the last `PLAN_CACHE_SIZE` callables planned, so callables created per
        call (`functools.partial(f, i)`, lambdas) do not accumulate. Raises
        what `build_plan` raises.
        """
        key = (call, tuple(dependencies)) if dependencies else call
        plans = self._plans
        plan = plans.get(key)
        if plan is None:
            plan = build_plan(
                call, dependencies=dependencies, resolver=self.resolver, unresolved="caller"
            )
            if len(plans) >= PLAN_CACHE_SIZE:
                del plans[next(iter(plans))]  # the oldest
            plans[key] = plan
        return plan

    def override(
        self, original: Callable[..., Any], replacement: Callable[..., Any]
    ) -> AbstractContextManager[None]:
        """`with container.override(get_db, fake_db):` for the current context only.

        Nested blocks restore the outer overrides on exit; tasks started inside
        inherit them; concurrent tasks do not see each other's. Entering the
        block raises `DependencyDeclarationError` if either is not callable.
        """
        return self._context_overrides.apply({original: replacement})

    def overrides(self, mapping: OverrideMapping) -> AbstractContextManager[None]:
        """Like `override()`, for several dependencies at once (same errors)."""
        return self._context_overrides.apply(mapping)

    def active_overrides(self) -> OverrideMapping | None:
        """The overrides a solve started now would use, or None."""
        if self.dependency_overrides or self._context_overrides.current() is not None:
            return self._solve_overrides()[0]
        return None

    def effective_nodes(self, plan: DependencyPlan) -> Iterator[DependencyNode]:
        """`plan.iter_nodes()` as a solve started now sees the tree: each overridden
        node replaced by its replacement's node, whose own sub-dependencies are
        walked in turn. Raises `DependencyDeclarationError` for a replacement that
        cannot stand in (as solving would)."""
        if not self.dependency_overrides and self._context_overrides.current() is None:
            return plan.iter_nodes()
        overrides, replacements = self._solve_overrides()
        return plan.iter_nodes(lambda node: substitute(node, overrides, replacements))

    def _solve_overrides(self) -> tuple[OverrideMapping, ReplacementNodes]:
        """The overrides in force (some are) and where their nodes are kept."""
        return effective_overrides(
            self.dependency_overrides, self._context_overrides.current(), self._dict_overrides
        )

    # -- request scope ------------------------------------------------------

    def request_scope(
        self, values: Mapping[Any, Any] | None = None, *, cancel_guard: bool = True
    ) -> RequestScope:
        """A new request scope; `values` are the host's values for its sources.

        `cancel_guard=False` skips the cancel guard that makes cleanups finish
        under cancellation: for a host that knows no async yield dependency
        will be entered in it (`needs_cancel_guard`).
        """
        return RequestScope(self, values, cancel_guard=cancel_guard)

    def needs_cancel_guard(self, plan: DependencyPlan) -> bool:
        """Whether solving `plan` now may enter an async yield dependency: it has
        one, or overrides are in force (a replacement may be one)."""
        return (
            plan.has_async_generator
            or bool(self.dependency_overrides)
            or self._context_overrides.current() is not None
        )

    def current_request(self) -> RequestScope | None:
        """The request scope of this container entered in the current context, if any."""
        request = CURRENT_REQUEST.get()
        if request is not None and request.container is self:
            return request
        return None

    async def call(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> Any:
        """Call `func` with its dependencies solved; caller arguments win.

        Uses the current request scope of this container, or one opened (and
        closed) around the call. Sync functions run in the thread pool.
        Raises what `RequestScope.call` raises.
        """
        request = self.current_request()
        if request is not None:
            return await request.call(func, *args, **kwargs)
        plan = self.plan(func)
        async with self.request_scope(cancel_guard=self.needs_cancel_guard(plan)) as request:
            return await request.call_plan(plan, args, kwargs)


def current_container() -> Container | None:
    """The container entered (`async with`) in the current context, if any."""
    return _CURRENT_CONTAINER.get()
