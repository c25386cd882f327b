"""Telemetry of streaming responses: JSON Lines, server-sent events, raw streams."""

from collections.abc import AsyncIterator, Iterator
from typing import Any

from _telemetry_recording import Recording
from fastapi import BackgroundTasks, FastAPI, Response
from fastapi.responses import StreamingResponse
from fastapi.sse import EventSourceResponse

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(telemetry=TELEMETRY)


def after() -> None:
    pass


@app.get("/lines")
def lines(tasks: BackgroundTasks) -> Iterator[int]:
    tasks.add_task(after)
    yield 1


@app.get("/events", response_class=EventSourceResponse)
async def events() -> AsyncIterator[str]:
    yield "a"


@app.get("/raw", response_class=StreamingResponse)
async def raw() -> AsyncIterator[str]:
    yield "r"


@app.get("/returned")
def returned() -> StreamingResponse:
    return StreamingResponse(iter(["x"]))


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


CASES = [
    ("lines", "GET", "/lines"),
    ("lines-telemetry", "GET", "/telemetry"),
    ("events", "GET", "/events"),
    ("raw", "GET", "/raw"),
    ("returned", "GET", "/returned"),
    ("telemetry", "GET", "/telemetry"),
]
