# The apps are built from a library module chosen per run: untyped decorators, dynamic names.
# mypy: disable-error-code="untyped-decorator,name-defined,misc"

"""Cancelled requests on FastAPI and on fastslim: the same app, the same events.

Each scenario builds one app with a library's `FastAPI`, `Depends`, responses and
websockets, logging every dependency entry, every cleanup (and what it saw), every
ASGI message sent and how the call ended; it is called as raw ASGI inside an outer
cancel scope (a deadline, or the endpoint cancelling it), on asyncio and trio. The
logs must be equal (FASTAPI-FACTS section 13). Runs in `nox -s compat`.
"""

import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import anyio
import fastapi
import fastapi.responses
import pytest
from _cancel_deps import Log, Message, asgi_scope, async_dep, kind

import fastslim
import fastslim.responses

pytestmark = pytest.mark.anyio

LIBRARIES = {"fastapi": (fastapi, fastapi.responses), "fastslim": (fastslim, fastslim.responses)}


class Events:
    def __init__(self) -> None:
        self.log: Log = []
        self.scopes: list[anyio.CancelScope] = []

    def dep(self, name: str, pause: float = 0.01, enter_pause: float = 0) -> Any:
        return async_dep(self.log, name, pause, enter_pause)


Scenario = Callable[[ModuleType, ModuleType, Events], tuple[Any, dict[str, Any], float]]
"""(library, its responses module, events) -> (app, ASGI scope, deadline)."""


def http(path: str, headers: list[tuple[bytes, bytes]] | None = None) -> dict[str, Any]:
    return asgi_scope("http", path, headers)


def websocket(path: str) -> dict[str, Any]:
    return asgi_scope("websocket", path)


def during_the_endpoint(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R, F, R2 = ev.dep("R"), ev.dep("F"), ev.dep("R2")

    @app.get("/")
    async def endpoint(
        r: Annotated[str, lib.Depends(R)],
        f: Annotated[str, lib.Depends(F, scope="function")],
        r2: Annotated[str, lib.Depends(R2)],
    ) -> None:
        ev.log.append("endpoint")
        await anyio.sleep_forever()

    return app, http("/"), 0.3


def between_endpoint_and_cleanups(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R, F = ev.dep("R"), ev.dep("F")

    @app.get("/")
    async def endpoint(
        r: Annotated[str, lib.Depends(R)], f: Annotated[str, lib.Depends(F, scope="function")]
    ) -> str:
        ev.log.append("endpoint")
        ev.scopes[-1].cancel()
        return "ok"

    return app, http("/"), 5


def during_a_cleanup(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R, F = ev.dep("R"), ev.dep("F", pause=1.0)

    @app.get("/")
    async def endpoint(
        r: Annotated[str, lib.Depends(R)], f: Annotated[str, lib.Depends(F, scope="function")]
    ) -> str:
        ev.log.append("endpoint")
        return "ok"

    return app, http("/"), 0.3


def while_entering(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R, SLOW = ev.dep("R"), ev.dep("SLOW", enter_pause=10)

    @app.get("/")
    async def endpoint(
        r: Annotated[str, lib.Depends(R)], s: Annotated[str, lib.Depends(SLOW)]
    ) -> None:
        ev.log.append("endpoint")

    return app, http("/"), 0.3


def a_failing_cleanup(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R = ev.dep("R")

    async def failing() -> AsyncIterator[None]:
        try:
            yield
        finally:
            raise KeyError("rollback")

    @app.get("/")
    async def endpoint(
        r: Annotated[str, lib.Depends(R)], f: Annotated[None, lib.Depends(failing)]
    ) -> None:
        await anyio.sleep_forever()

    return app, http("/"), 0.3


def a_task_group_child_fails(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R = ev.dep("R")

    async def supervised() -> AsyncIterator[None]:
        async with anyio.create_task_group() as group:

            async def child() -> None:
                await anyio.sleep(0.01)
                raise KeyError("child")

            group.start_soon(child)
            yield

    @app.get("/")
    async def endpoint(
        r: Annotated[str, lib.Depends(R)], s: Annotated[None, lib.Depends(supervised)]
    ) -> None:
        ev.log.append("endpoint")
        await anyio.sleep_forever()

    return app, http("/"), 5


def no_async_yield_dependency(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()

    def plain() -> str:
        return "plain"

    @app.get("/")
    async def endpoint(p: Annotated[str, lib.Depends(plain)]) -> str:
        ev.scopes[-1].cancel()
        return p

    return app, http("/"), 5


def a_stream(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R, F = ev.dep("R"), ev.dep("F")

    @app.get("/", response_class=responses.StreamingResponse)
    async def endpoint(
        r: Annotated[str, lib.Depends(R)], f: Annotated[str, lib.Depends(F, scope="function")]
    ) -> AsyncIterator[str]:
        sent = 0
        while True:  # never awaits: the stream itself must stay cancellable
            yield "chunk"
            sent += 1
            if sent == 3:
                ev.scopes[-1].cancel()

    return app, http("/"), 5


def background_tasks(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R = ev.dep("R")

    async def forever() -> None:
        ev.log.append("background")
        try:
            await anyio.sleep_forever()
        finally:
            ev.log.append("background cancelled")

    @app.get("/")
    async def endpoint(r: Annotated[str, lib.Depends(R)], tasks: lib.BackgroundTasks) -> str:
        tasks.add_task(forever)
        return "ok"

    return app, http("/"), 0.3


def a_websocket(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R, F = ev.dep("R"), ev.dep("F")

    @app.websocket("/ws")
    async def endpoint(
        ws: lib.WebSocket,
        r: Annotated[str, lib.Depends(R)],
        f: Annotated[str, lib.Depends(F, scope="function")],
    ) -> None:
        await ws.accept()
        ev.log.append("accepted")
        await anyio.sleep_forever()

    return app, websocket("/ws"), 0.3


def a_websocket_dependency_fails(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    app = lib.FastAPI()
    R = ev.dep("R")

    async def failing() -> str:
        raise KeyError("no")

    @app.websocket("/ws")
    async def endpoint(
        ws: lib.WebSocket,
        r: Annotated[str, lib.Depends(R)],
        f: Annotated[str, lib.Depends(failing)],
    ) -> None:
        await ws.accept()  # pragma: no cover

    return app, websocket("/ws"), 5


FRONTEND = tempfile.mkdtemp(prefix="fastslim-cancel-frontend-")
(Path(FRONTEND) / "index.html").write_text("<p>app</p>")


def a_frontend_route(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    R, SLOW = ev.dep("R"), ev.dep("SLOW", enter_pause=10)
    app = lib.FastAPI(dependencies=[lib.Depends(R), lib.Depends(SLOW)])
    app.frontend("/", directory=FRONTEND)
    return app, http("/index.html"), 0.3


def during_one_of_several_cleanups(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    """The cancellation lands during INNER's cleanup: OUTER, still to clean up in the
    same scope, sees it at its yield; function-scoped ones likewise."""
    app = lib.FastAPI()
    OUTER, INNER = ev.dep("OUTER"), ev.dep("INNER", pause=0.5)
    F1, F2 = ev.dep("F1"), ev.dep("F2", pause=0.5)

    @app.get("/")
    async def endpoint(
        outer: Annotated[str, lib.Depends(OUTER)],
        inner: Annotated[str, lib.Depends(INNER)],
        f1: Annotated[str, lib.Depends(F1, scope="function")],
        f2: Annotated[str, lib.Depends(F2, scope="function")],
    ) -> str:
        ev.log.append("endpoint")
        return "ok"

    return app, http("/"), 0.25


def a_task_group_swallowing_it(lib: ModuleType, responses: ModuleType, ev: Events) -> Any:
    """A dependency's task group around its yield absorbs the cancellation (trio):
    the dependencies cleaned up after it still see it."""
    app = lib.FastAPI()
    OUTER = ev.dep("OUTER")

    async def grouped() -> AsyncIterator[None]:
        async with anyio.create_task_group():
            yield
        ev.log.append("group exited")

    @app.get("/")
    async def endpoint(
        outer: Annotated[str, lib.Depends(OUTER)], g: Annotated[None, lib.Depends(grouped)]
    ) -> None:
        ev.log.append("endpoint")
        await anyio.sleep(5)

    return app, http("/"), 0.2


SCENARIOS: dict[str, Scenario] = {
    "during the endpoint": during_the_endpoint,
    "between the endpoint and the cleanups": between_endpoint_and_cleanups,
    "during a cleanup": during_a_cleanup,
    "while entering": while_entering,
    "a failing cleanup": a_failing_cleanup,
    "a task group child fails": a_task_group_child_fails,
    "during one of several cleanups": during_one_of_several_cleanups,
    "a task group swallowing it": a_task_group_swallowing_it,
    "no async yield dependency": no_async_yield_dependency,
    "a stream": a_stream,
    "background tasks": background_tasks,
    "a websocket": a_websocket,
    "a websocket dependency fails": a_websocket_dependency_fails,
    "a frontend route": a_frontend_route,
}


async def run(library: str, scenario: Scenario) -> Log:
    lib, responses = LIBRARIES[library]
    ev = Events()
    app, scope, deadline = scenario(lib, responses, ev)
    connected = False

    async def receive() -> Message:
        nonlocal connected
        if scope["type"] == "websocket" and not connected:
            connected = True
            return {"type": "websocket.connect"}
        await anyio.sleep_forever()
        raise AssertionError("unreachable")  # pragma: no cover

    chunks = 0

    async def send(message: Message) -> None:
        nonlocal chunks
        if message["type"] == "http.response.body" and message.get("more_body"):
            chunks += 1
            if chunks > 1:
                return  # a stream's many chunks: logged once
        ev.log.append(f"send {message['type']} {message.get('status', '')}".rstrip())

    with anyio.move_on_after(deadline) as outer:
        ev.scopes.append(outer)
        try:
            await app(scope, receive, send)
        except BaseException as exc:
            ev.log.append(f"raised {kind(exc)}")
            if isinstance(exc, KeyError):  # a cleanup's failure: its context
                context = exc.__context__
                ev.log.append(f"context {kind(context) if context else None}")
            elif not isinstance(exc, BaseExceptionGroup):
                raise
        else:
            ev.log.append("returned")
    ev.log.append(f"cancel_called={outer.cancel_called} caught={outer.cancelled_caught}")
    return ev.log


# FastAPI leaves the endpoint's generator of a cancelled stream to the garbage collector.
LEAKS_ON_FASTAPI = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=LEAKS_ON_FASTAPI) if "stream" in name else name
        for name in SCENARIOS
    ],
)
async def test_same_events_as_fastapi(name: str) -> None:
    expected = await run("fastapi", SCENARIOS[name])
    assert await run("fastslim", SCENARIOS[name]) == expected
