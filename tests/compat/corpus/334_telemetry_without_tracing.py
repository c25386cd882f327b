"""`tracing: False` (FASTAPI-FACTS 14): no span at all, operation and background task
spans included, while metrics and logs are still recorded and `get_telemetry_data()`
still gives the request's data."""

from typing import Any

from _telemetry_recording import Recording
from fastapi import BackgroundTasks, FastAPI, Response
from fastapi.telemetry import get_telemetry_data

RECORDING = Recording()
TELEMETRY: Any = {**RECORDING.telemetry, "tracing": False}
app = FastAPI(telemetry=TELEMETRY)


def job() -> None:
    pass


@app.get("/tasks")
def tasks(tasks: BackgroundTasks) -> dict[str, Any]:
    tasks.add_task(job)
    return {"data": get_telemetry_data() is not None}


@app.get("/invalid")
def invalid(q: int) -> int:
    return q


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(RECORDING.recorded(), media_type="application/json")


CASES = [
    ("tasks", "GET", "/tasks"),
    ("invalid", "GET", "/invalid?q=x"),
    ("telemetry", "GET", "/telemetry"),
]
