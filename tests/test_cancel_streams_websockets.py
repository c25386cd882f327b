"""Streams, background tasks, websocket routes and `frontend()` routes whose
connection is cancelled (FASTAPI-FACTS section 13), as raw ASGI calls inside
outer cancel scopes: the work after the function-scoped cleanups (a stream's
later chunks, background tasks) stays cancellable, then the request-scoped
cleanups run to completion; a later dependency's failure reaches the earlier
ones' cleanups, for websocket and frontend routes too."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

import anyio
import httpx
import pytest
from _cancel_deps import Log, Message, asgi_scope, async_dep

from fastslim import BackgroundTasks, Depends, FastAPI, WebSocket
from fastslim.responses import StreamingResponse

pytestmark = pytest.mark.anyio


async def call(app: Any, kind: str, path: str, log: Log, deadline: float) -> anyio.CancelScope:
    connected = False
    chunks = 0

    async def receive() -> Message:
        nonlocal connected
        if kind == "websocket" and not connected:
            connected = True
            return {"type": "websocket.connect"}
        await anyio.sleep_forever()
        raise AssertionError("unreachable")  # pragma: no cover

    async def send(message: Message) -> None:
        nonlocal chunks
        if message.get("more_body"):
            chunks += 1
            if chunks > 1:
                return
        log.append(f"send {message['type']}")

    with anyio.move_on_after(deadline) as outer:
        await app(asgi_scope(kind, path), receive, send)
    return outer


async def test_a_stream_that_never_awaits_is_cancelled_then_cleaned_up() -> None:
    log: Log = []
    R, F = async_dep(log, "R"), async_dep(log, "F")
    scopes: list[anyio.CancelScope] = []
    app = FastAPI()

    @app.get("/", response_class=StreamingResponse)
    async def endpoint(
        r: Annotated[str, Depends(R)], f: Annotated[str, Depends(F, scope="function")]
    ) -> AsyncIterator[str]:
        sent = 0
        while True:
            yield "chunk"
            sent += 1
            if sent == 3:
                scopes[0].cancel()

    with anyio.CancelScope() as outer:
        scopes.append(outer)
        await call(app, "http", "/", log, 5)
    assert outer.cancelled_caught
    assert log == [
        "enter R",
        "enter F",
        "F done",
        "send http.response.start",
        "send http.response.body",
        "R sees cancellation",
        "R done",
    ]


async def test_a_jsonl_stream_is_cancellable_through_a_deadline() -> None:
    app = FastAPI()

    @app.get("/numbers")
    async def numbers() -> AsyncIterator[int]:
        number = 0
        while True:
            yield number
            number += 1

    outer = await call(app, "http", "/numbers", [], 0.2)
    assert outer.cancelled_caught


async def test_background_tasks_are_cancelled_then_request_cleanups_finish() -> None:
    log: Log = []
    R = async_dep(log, "R")
    app = FastAPI()

    async def forever() -> None:
        log.append("background")
        try:
            await anyio.sleep_forever()
        finally:
            log.append("background cancelled")

    @app.get("/")
    async def endpoint(r: Annotated[str, Depends(R)], tasks: BackgroundTasks) -> str:
        tasks.add_task(forever)
        return "ok"

    outer = await call(app, "http", "/", log, 0.3)
    assert outer.cancelled_caught
    assert log == [
        "enter R",
        "send http.response.start",
        "send http.response.body",
        "background",
        "background cancelled",
        "R sees cancellation",
        "R done",
    ]


async def test_a_websocket_cancelled_during_its_endpoint() -> None:
    log: Log = []
    R, F = async_dep(log, "R"), async_dep(log, "F")
    app = FastAPI()

    @app.websocket("/ws")
    async def endpoint(
        ws: WebSocket,
        r: Annotated[str, Depends(R)],
        f: Annotated[str, Depends(F, scope="function")],
    ) -> None:
        await ws.accept()
        await anyio.sleep_forever()

    outer = await call(app, "websocket", "/ws", log, 0.3)
    assert outer.cancelled_caught
    assert log == [
        "enter R",
        "enter F",
        "send websocket.accept",
        "F sees cancellation",
        "F done",
        "R sees cancellation",
        "R done",
    ]


async def test_a_websocket_dependency_failing_reaches_the_earlier_cleanups() -> None:
    log: Log = []
    R = async_dep(log, "R")
    app = FastAPI()

    async def failing() -> str:
        raise KeyError("no")

    @app.websocket("/ws")
    async def endpoint(
        ws: WebSocket, r: Annotated[str, Depends(R)], f: Annotated[str, Depends(failing)]
    ) -> None:
        await ws.accept()  # pragma: no cover

    with pytest.raises(KeyError):
        await call(app, "websocket", "/ws", log, 5)
    assert log == ["enter R", "R sees KeyError", "R done"]


async def test_a_frontend_route_cancelled_while_entering_a_dependency(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>app</p>")
    log: Log = []
    app = FastAPI(
        dependencies=[Depends(async_dep(log, "R")), Depends(async_dep(log, "SLOW", enter_pause=10))]
    )
    app.frontend("/", directory=tmp_path)

    outer = await call(app, "http", "/index.html", log, 0.3)
    assert outer.cancelled_caught
    assert log == ["enter R", "enter SLOW", "R sees cancellation", "R done"]

    log.clear()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        with anyio.move_on_after(0.3) as outer:
            await client.get("/index.html")
    assert outer.cancelled_caught
    assert log == ["enter R", "enter SLOW", "R sees cancellation", "R done"]
