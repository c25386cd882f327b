"""The state of the scopes: value caches and cleanup stacks, in one place.

`RequestScope` and `FunctionScope` are `ScopeState`s, and a running container
holds an `AppState`; the solvers read and fill them through the `SolveState`
of each solve, never through the container's or the scopes' other attributes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import anyio

from ._cleanup import CleanupStack
from ._drive import run_inline

if TYPE_CHECKING:
    from ._overrides import ReplacementNodes
    from ._plan import OverrideMap, SolveContext


class ScopeState:
    """The values cached in one request or function scope, and its yield cleanups.

    The cleanup stack is created by the solver on first use (most function
    scopes have no function-scoped yield dependency).
    """

    __slots__ = ("cache", "stack")

    def __init__(self) -> None:
        self.cache: dict[Any, Any] = {}
        self.stack: CleanupStack | None = None

    def take_stack(self) -> CleanupStack | None:
        """Empty the scope: its cache is dropped, its non-empty stack handed over."""
        self.cache = {}
        stack, self.stack = self.stack, None
        return stack if stack is not None and stack.entries else None


class AppState(ScopeState):
    """The app scope of a running container: its values, their creation locks and
    cleanups. `locks` serialize the first creation of each value in the async
    driver, `sync_lock` in the sync driver (re-entrant: an app-scoped dependency
    may depend on another)."""

    __slots__ = ("locks", "sync_lock")

    def __init__(self) -> None:
        super().__init__()
        self.stack = CleanupStack()
        self.locks: dict[Any, anyio.Lock] = {}
        self.sync_lock = threading.RLock()

    def lock(self, key: Any) -> anyio.Lock:
        """The lock guarding the first creation of the value cached under `key`."""
        lock = self.locks.get(key)
        if lock is None:
            lock = self.locks[key] = anyio.Lock()
        return lock


RunSync = Callable[..., Any]
"""How a driver runs a sync call: `await run_sync(func, *args)`."""


class SolveState:
    """Everything one solve reads and fills, gathered when it starts.

    - `context`: what parameter sources receive (the `RequestScope`);
    - `app`: the container's app state, `None` when it is not running;
    - `request_cache`, `cache`: the request scope's and this solve's values;
    - `request_scope`, `function_scope`: where yield dependencies are pushed;
    - `overrides`: `None` when no override is in force, else the overrides and
      the `ReplacementNodes` where their nodes are kept;
    - `concurrent`: siblings in concurrent tasks; `fast`: neither overrides nor
      concurrency (the solver's inline path);
    - `run_sync`: the driver's way to run a sync call (`sync`: the sync driver);
    - `errors`: what the sources reported, raised together at the end.
    """

    __slots__ = (
        "app",
        "cache",
        "concurrent",
        "context",
        "errors",
        "fast",
        "function_scope",
        "overrides",
        "request_cache",
        "request_scope",
        "run_sync",
    )

    def __init__(  # positional: one is built per solve
        self,
        context: SolveContext,
        app: AppState | None,
        request_scope: ScopeState,
        function_scope: ScopeState,
        overrides: tuple[OverrideMap, ReplacementNodes] | None,
        concurrent: bool,
        run_sync: RunSync,
    ) -> None:
        self.context = context
        self.app = app
        self.request_scope = request_scope
        self.request_cache = request_scope.cache
        self.function_scope = function_scope
        self.cache = function_scope.cache
        self.overrides = overrides
        self.concurrent = concurrent
        self.fast = overrides is None and not concurrent
        self.run_sync = run_sync
        self.errors: list[Any] = []

    @property
    def sync(self) -> bool:
        """True for the sync driver (no event loop)."""
        return self.run_sync is run_inline
