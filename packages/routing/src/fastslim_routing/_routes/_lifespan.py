"""Router lifespans: the router's own, then those of the routers it included.

FastAPI's rules (FASTAPI-FACTS section 11): lifespans of included routers are
merged at inclusion time; they start outermost first (app, router, subrouter)
and stop in reverse; the state dicts they yield are merged, the parent's keys
winning. `on_startup`/`on_shutdown` handlers (and `on_event`, deprecated) run
in the router's default lifespan when it has no `lifespan=`; including a router
also appends its handlers to the parent's lists (`include_into`), so with default
lifespans they run twice, as on FastAPI 0.165.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import Any, Protocol

from starlette.concurrency import run_in_threadpool
from starlette.types import Lifespan


class LifespanOwner(Protocol):
    """What a lifespan reads of its router (an `LifespanOwner`)."""

    @property
    def on_startup(self) -> list[Callable[[], Any]]: ...
    @property
    def on_shutdown(self) -> list[Callable[[], Any]]: ...
    @property
    def lifespan_context(self) -> Any: ...


LifespanContext = Callable[[Any], contextlib.AbstractAsyncContextManager[Any]]


async def _run_handlers(handlers: Sequence[Callable[[], Any]]) -> None:
    for handler in handlers:
        if inspect.iscoroutinefunction(handler):
            await handler()
        else:
            result = await run_in_threadpool(handler)
            if inspect.isawaitable(result):
                await result


def _user_lifespan(lifespan: Lifespan[Any]) -> LifespanContext:
    if inspect.isasyncgenfunction(lifespan):
        return contextlib.asynccontextmanager(lifespan)
    if inspect.isgeneratorfunction(lifespan):
        sync_cm = contextlib.contextmanager(lifespan)

        @contextlib.asynccontextmanager
        async def wrapped(app: Any) -> AsyncIterator[Any]:
            with sync_cm(app) as state:
                yield state

        return wrapped
    return lifespan


class RouterLifespan:
    """A router's lifespan context factory: its own part, then the merged ones."""

    def __init__(self, router: LifespanOwner, lifespan: Lifespan[Any] | None) -> None:
        self.router = router
        self.own: LifespanContext | None = None if lifespan is None else _user_lifespan(lifespan)
        self.merged: list[LifespanContext] = []
        self.app_contexts: list[LifespanContext] = []
        """Entered first, exited last: the app's own (its DI container)."""
        self.inner_contexts: list[LifespanContext] = []
        """Entered last (after every lifespan started), exited first: the app's task
        runner, drained while the lifespans' resources are still open."""

    @contextlib.asynccontextmanager
    async def _default(self, app: Any) -> AsyncIterator[None]:
        await _run_handlers(self.router.on_startup)
        yield None
        await _run_handlers(self.router.on_shutdown)

    @contextlib.asynccontextmanager
    async def __call__(self, app: Any) -> AsyncIterator[Mapping[str, Any] | None]:
        own = self.own if self.own is not None else self._default
        async with contextlib.AsyncExitStack() as stack:
            for app_context in self.app_contexts:
                await stack.enter_async_context(app_context(app))
            state: dict[str, Any] = {}
            found = False
            for context in (own, *self.merged):
                value = await stack.enter_async_context(context(app))
                if value is not None:
                    found = True
                    for key, item in dict(value).items():
                        state.setdefault(key, item)
            for inner_context in self.inner_contexts:
                await stack.enter_async_context(inner_context(app))
            yield state if found else None


class _DefaultLifespan:
    """`fastapi.routing._DefaultLifespan`: `_DefaultLifespan(router)` is an async
    context manager (and a lifespan, `instance(app) is instance`) that runs the
    router's `on_startup` handlers on entry and its `on_shutdown` handlers on exit,
    as they are then; it yields `None`. Extensions enter it to run a router's
    handlers themselves (fastapi-jsonrpc). FastAPI docs: Lifespan Events.
    """

    def __init__(self, router: LifespanOwner) -> None:
        self._router = router

    async def __aenter__(self) -> None:
        await _run_handlers(self._router.on_startup)

    async def __aexit__(self, *exc_info: object) -> None:
        await _run_handlers(self._router.on_shutdown)

    def __call__(self, app: object) -> _DefaultLifespan:
        return self


def router_lifespan(router: LifespanOwner, lifespan: Lifespan[Any] | None) -> RouterLifespan:
    return RouterLifespan(router, lifespan)


def merge_into(parent: LifespanOwner, child: LifespanOwner) -> None:
    """At inclusion: the parent's lifespan also runs the child's (its own lifespan and
    those merged into it now; its handlers as they are when the lifespan runs), and
    the parent's handler lists get the child's current handlers appended."""
    parent.on_startup.extend(child.on_startup)
    parent.on_shutdown.extend(child.on_shutdown)
    own = parent.lifespan_context
    child_context = child.lifespan_context
    if isinstance(own, RouterLifespan) and isinstance(child_context, RouterLifespan):
        snapshot = RouterLifespan(child, None)
        snapshot.own = child_context.own
        snapshot.merged = list(child_context.merged)
        own.merged.append(snapshot)
