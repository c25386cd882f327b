"""The app's own `TaskRunner` (beyond FastAPI, opt-in): a fresh runner per lifespan run.

The runner starts after the app's lifespan has started (its resources are ready
when the first task runs) and is drained before the lifespan shuts down (queued
and running tasks finish, or are cancelled at the drain deadline, while the
database or HTTP clients they use are still open). A runner is entered once, so
each run of the lifespan (each `with TestClient(app)`) makes a new one with
`factory`. An app pays nothing unless a route declares a `TaskRunner`
parameter or a factory is set.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

from fastslim_tasks import TaskRunner


class AppTaskRunner:
    """Holds the runner of the current lifespan run, made by `factory`."""

    def __init__(self, uses_runner: Callable[[], Iterable[bool]]) -> None:
        self._uses_runner = uses_runner
        self._factory: Callable[[], TaskRunner] | None = None
        self.current: TaskRunner | None = None

    @property
    def factory(self) -> Callable[[], TaskRunner]:
        return self._factory or TaskRunner

    @factory.setter
    def factory(self, factory: Callable[[], TaskRunner]) -> None:
        if not callable(factory):
            raise TypeError(f"task_runner_factory must be callable, got {factory!r}")
        self._factory = factory

    def runner(self) -> TaskRunner:
        """The running runner; `RuntimeError` outside the app's lifespan."""
        if self.current is None:
            raise RuntimeError(
                "The app's TaskRunner runs during the app's lifespan, which is not running: "
                "start the app (a server, or `with TestClient(app):` in tests) first. An app "
                "mounted in another app does not run its own lifespan: take the runner in "
                "the outer app's routes, or include the inner app's routers instead of "
                "mounting it."
            )
        return self.current

    def wanted(self) -> bool:
        return self._factory is not None or any(self._uses_runner())

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Any) -> AsyncIterator[None]:
        """Run a fresh runner for the inside of the app's lifespan, when wanted."""
        if not self.wanted():
            yield
            return
        runner = self.factory()
        self.current = runner
        try:
            async with runner:
                yield
        finally:
            self.current = None
