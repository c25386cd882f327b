"""Telemetry: server and operation spans of included routes, trace context, redacted query."""

from typing import Annotated, Any

from _telemetry_recording import Recording
from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, Response

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(telemetry=TELEMETRY)
router = APIRouter(prefix="/r")


def note(value: int) -> None:
    pass


class Job:
    def __call__(self) -> None:
        pass


def dependency() -> int:
    return 1


@router.get("/items/{x}")
async def item(x: int, tasks: BackgroundTasks, d: Annotated[int, Depends(dependency)]) -> int:
    tasks.add_task(note, x)
    tasks.add_task(Job())
    return x + d


@app.post("/plain")
def plain(q: str = "") -> str:
    return q


app.include_router(router, prefix="/api")


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
CASES = [
    ("item", "GET", "/api/r/items/3", {"headers": {"traceparent": TRACEPARENT}}),
    ("item-telemetry", "GET", "/telemetry"),
    ("query", "POST", "/plain?sig=1&q=a%20b&X-Amz-Signature=2&Signature=3&X-Amz-Credential=&x"),
    ("query-telemetry", "GET", "/telemetry"),
    ("redirect", "GET", "/api/r/items/3/"),
    ("redirect-telemetry", "GET", "/telemetry"),
    ("missing", "GET", "/missing"),
    ("missing-telemetry", "GET", "/telemetry"),
]
