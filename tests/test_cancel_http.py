"""HTTP routes whose request is cancelled (FASTAPI-FACTS section 13), driven by raw
ASGI calls and through `httpx.ASGITransport` inside outer cancel scopes.

The yield dependencies' cleanups finish, in order (function scope, then request
scope, each in reverse order of entry), whether the cancellation arrives during
the endpoint, between it and the cleanups, or during a cleanup; the cancellation
propagates after them. Routes without an async yield dependency keep their
timing: the response is sent.
"""

from collections.abc import AsyncIterator, Callable
from contextvars import ContextVar
from typing import Annotated, Any

import anyio
import httpx
import pytest
from _cancel_deps import Log, Message, asgi_scope, async_dep, kind, sync_dep

from fastslim import Depends, FastAPI

pytestmark = pytest.mark.anyio

USER: ContextVar[str] = ContextVar("user", default="nobody")


async def call(app: Any, path: str, log: Log) -> None:
    """One raw ASGI call; a client that never disconnects, a send that never waits."""

    async def receive() -> Message:
        await anyio.sleep_forever()
        raise AssertionError("unreachable")  # pragma: no cover

    async def send(message: Message) -> None:
        log.append(f"send {message['type']}")

    await app(asgi_scope("http", path), receive, send)


class App:
    """R (request), F (function), R2 (request) and S (sync, request) in that order
    of entry, and one route per way the request is cancelled."""

    def __init__(self, cleanup_pause: float = 0.01) -> None:
        self.log: Log = []
        self.scopes: list[anyio.CancelScope] = []
        log = self.log
        R = Depends(async_dep(log, "R"))
        F = Depends(async_dep(log, "F", cleanup_pause), scope="function")
        R2 = Depends(async_dep(log, "R2"))
        S = Depends(sync_dep(log, "S"))
        self.app = app = FastAPI()

        @app.get("/sleep")
        async def sleep(
            r: Annotated[str, R],
            f: Annotated[str, F],
            r2: Annotated[str, R2],
            s: Annotated[str, S],
        ) -> str:
            log.append("endpoint")
            await anyio.sleep_forever()
            return "never"  # pragma: no cover

        @app.get("/cancel-and-return")
        async def cancel_and_return(
            r: Annotated[str, R],
            f: Annotated[str, F],
            r2: Annotated[str, R2],
            s: Annotated[str, S],
        ) -> str:
            log.append("endpoint")
            self.scopes[-1].cancel()
            return "ok"

        @app.get("/return")
        async def plain_return(
            r: Annotated[str, R],
            f: Annotated[str, F],
            r2: Annotated[str, R2],
            s: Annotated[str, S],
        ) -> str:
            log.append("endpoint")
            return "ok"

        @app.get("/sync")
        def sync_endpoint(
            r: Annotated[str, R],
            f: Annotated[str, F],
            r2: Annotated[str, R2],
            s: Annotated[str, S],
        ) -> str:
            log.append("endpoint")
            anyio.from_thread.run_sync(self.scopes[-1].cancel)
            return "ok"

    async def run(self, path: str, timeout: float = 5) -> anyio.CancelScope:
        with anyio.move_on_after(timeout) as outer:
            self.scopes.append(outer)
            await call(self.app, path, self.log)
            self.log.append("returned")
        return outer


DURING = [
    "enter R",
    "enter F",
    "enter R2",
    "enter S",
    "endpoint",
    "F sees cancellation",
    "F done",
    "S sees cancellation",
    "S done",
    "R2 sees cancellation",
    "R2 done",
    "R sees cancellation",
    "R done",
]
AFTER_FUNCTION_SCOPE = [
    "S sees cancellation",
    "S done",
    "R2 sees cancellation",
    "R2 done",
    "R sees cancellation",
    "R done",
]


async def test_cancelled_during_the_endpoint() -> None:
    app = App()
    outer = await app.run("/sleep", timeout=0.3)
    assert outer.cancelled_caught
    assert app.log == DURING


async def test_cancelled_between_the_endpoint_and_the_cleanups() -> None:
    app = App()
    outer = await app.run("/cancel-and-return")
    assert outer.cancelled_caught
    # The function scope exits normally; no response is sent.
    entered = ["enter R", "enter F", "enter R2", "enter S", "endpoint"]
    assert app.log == [*entered, "F done", *AFTER_FUNCTION_SCOPE]


async def test_cancelled_while_a_sync_endpoint_runs() -> None:
    app = App()
    outer = await app.run("/sync")
    assert outer.cancelled_caught
    assert app.log[-6:] == AFTER_FUNCTION_SCOPE
    assert "F done" in app.log


async def test_cancelled_during_a_cleanup() -> None:
    app = App(cleanup_pause=1.0)
    start = anyio.current_time()
    outer = await app.run("/return", timeout=0.3)
    assert outer.cancelled_caught
    assert anyio.current_time() - start >= 1.0  # F's cleanup was not cut short
    entered = ["enter R", "enter F", "enter R2", "enter S", "endpoint"]
    assert app.log == [*entered, "F done", *AFTER_FUNCTION_SCOPE]


async def test_through_httpx_asgi_transport() -> None:
    app = App()
    transport = httpx.ASGITransport(app=app.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        with anyio.move_on_after(0.3) as outer:
            await client.get("/sleep")
    assert outer.cancelled_caught
    assert app.log == DURING


async def test_entering_stays_cancellable_and_a_cleanup_bounds_itself() -> None:
    log: Log = []

    async def bounded() -> AsyncIterator[None]:
        try:
            yield
        except BaseException as exc:
            log.append(f"bounded sees {kind(exc)}")
            raise
        finally:
            with anyio.move_on_after(0.02) as own:
                await anyio.sleep(10)
            log.append(f"bounded caught its own deadline: {own.cancelled_caught}")

    async def slow() -> AsyncIterator[None]:
        log.append("enter slow")
        await anyio.sleep_forever()
        yield  # pragma: no cover

    app = FastAPI()

    @app.get("/")
    async def endpoint(
        b: Annotated[None, Depends(bounded)], s: Annotated[None, Depends(slow)]
    ) -> None:
        log.append("endpoint")  # pragma: no cover

    with anyio.move_on_after(0.3) as outer:
        await call(app, "/", log)
    assert outer.cancelled_caught
    assert log == [
        "enter slow",
        "bounded sees cancellation",
        "bounded caught its own deadline: True",
    ]


class RollbackFailed(Exception):
    pass


async def test_a_failing_cleanup_keeps_the_cancellation_as_context() -> None:
    log: Log = []
    R = Depends(async_dep(log, "R"))

    async def failing() -> AsyncIterator[None]:
        try:
            yield
        finally:
            raise RollbackFailed()

    app = FastAPI()

    @app.get("/")
    async def endpoint(r: Annotated[str, R], f: Annotated[None, Depends(failing)]) -> None:
        await anyio.sleep_forever()

    with anyio.move_on_after(0.3), pytest.raises(RollbackFailed) as info:
        await call(app, "/", log)
    assert isinstance(info.value.__context__, anyio.get_cancelled_exc_class())
    # The other cleanup ran and saw the failure; the 500 was sent (FastAPI's order).
    assert log == [
        "enter R",
        "R sees RollbackFailed",
        "R done",
        "send http.response.start",
        "send http.response.body",
    ]


async def test_a_task_group_around_yield_and_its_childs_failure() -> None:
    log: Log = []
    R = Depends(async_dep(log, "R"))

    class ChildFailed(Exception):
        pass

    async def supervised() -> AsyncIterator[None]:
        async with anyio.create_task_group() as group:

            async def child() -> None:
                await anyio.sleep(0.01)
                raise ChildFailed()

            group.start_soon(child)
            yield

    app = FastAPI()

    @app.get("/")
    async def endpoint(r: Annotated[str, R], s: Annotated[None, Depends(supervised)]) -> None:
        log.append("endpoint")
        await anyio.sleep_forever()

    with anyio.move_on_after(5) as outer, pytest.raises(BaseExceptionGroup) as info:
        await call(app, "/", log)
    assert not outer.cancel_called
    assert info.group_contains(ChildFailed)
    assert log[:4] == ["enter R", "endpoint", "R sees group[ChildFailed]", "R done"]


async def test_a_context_variable_set_before_yield() -> None:
    seen: Log = []

    async def login() -> AsyncIterator[None]:
        token = USER.set("alice")
        try:
            yield
        finally:
            await anyio.sleep(0.01)
            USER.reset(token)
            seen.append(f"reset to {USER.get()}")

    app = FastAPI()

    @app.get("/")
    async def endpoint(u: Annotated[None, Depends(login)]) -> None:
        seen.append(USER.get())
        await anyio.sleep_forever()

    with anyio.move_on_after(0.3) as outer:
        await call(app, "/", [])
    assert outer.cancelled_caught
    assert seen == ["alice", "reset to nobody"]


def plain() -> str:
    return "plain"


async def async_generator() -> AsyncIterator[str]:
    try:
        yield "generator"
    finally:
        await anyio.sleep(0.01)
        LOG.append("generator done")


LOG: Log = []


def cancelling_app(dependency: Callable[..., Any]) -> tuple[FastAPI, list[anyio.CancelScope]]:
    scopes: list[anyio.CancelScope] = []
    app = FastAPI()

    @app.get("/")
    async def endpoint(value: Annotated[str, Depends(dependency)]) -> str:
        scopes[-1].cancel()
        return value

    return app, scopes


async def test_without_async_yield_dependencies_the_response_is_sent() -> None:
    LOG.clear()
    app, scopes = cancelling_app(plain)
    log: Log = []
    with anyio.CancelScope() as outer:
        scopes.append(outer)
        await call(app, "/", log)
    assert log == ["send http.response.start", "send http.response.body"]
    assert outer.cancel_called
    assert not outer.cancelled_caught


async def test_overrides_bring_the_rules_in_and_take_them_out() -> None:
    LOG.clear()
    app, scopes = cancelling_app(plain)
    app.dependency_overrides[plain] = async_generator
    log: Log = []
    with anyio.CancelScope() as outer:
        scopes.append(outer)
        await call(app, "/", log)
    # A request-scoped cleanup: after the response (as FastAPI), then the
    # cancellation propagates.
    assert outer.cancelled_caught
    assert log == ["send http.response.start", "send http.response.body"]
    assert LOG == ["generator done"]

    LOG.clear()
    log.clear()
    app, scopes = cancelling_app(async_generator)
    app.dependency_overrides[async_generator] = plain
    with anyio.CancelScope() as outer:
        scopes.append(outer)
        await call(app, "/", log)
    assert not outer.cancelled_caught
    assert log == ["send http.response.start", "send http.response.body"]
    assert LOG == []
