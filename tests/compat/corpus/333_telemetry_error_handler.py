"""Telemetry around a 500 handler and a mounted app excluded from telemetry (FASTAPI-FACTS
14): the handler runs in the request's span (it can add attributes), the span and the
log still see the exception; background tasks of an excluded mounted app get no span."""

import json
from typing import Any

from _telemetry_recording import Recording
from fastapi import BackgroundTasks, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from opentelemetry import trace

RECORDING = Recording()
SEEN: list[Any] = []


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    span = trace.get_current_span()
    SEEN.append(span.is_recording())
    span.set_attribute("handled", True)
    return JSONResponse({"error": "handled"}, status_code=500)


TELEMETRY: Any = {
    **RECORDING.telemetry,
    "exclude": lambda scope: scope["path"] == "/telemetry" or scope["path"].startswith("/quiet"),
}
app = FastAPI(telemetry=TELEMETRY, exception_handlers={500: server_error})
quiet = FastAPI()


def job() -> None:
    pass


@quiet.get("/tasks")
def quiet_tasks(tasks: BackgroundTasks) -> str:
    tasks.add_task(job)
    return "quiet"


app.mount("/quiet", quiet)


@app.get("/fail")
def fail() -> str:
    raise ValueError("endpoint failed")


@app.get("/tasks")
def tasks(tasks: BackgroundTasks) -> str:
    tasks.add_task(job)
    return "ok"


@app.get("/telemetry")
def telemetry() -> Response:
    records = [
        [type(log.log_record.exception).__name__, log.log_record.timestamp is not None]
        for log in RECORDING.logs.get_finished_logs()
    ]
    out = {"seen": SEEN, "records": records, "recorded": json.loads(RECORDING.recorded())}
    return Response(json.dumps(out, sort_keys=True), media_type="application/json")


CASES = [
    ("fail", "GET", "/fail"),
    ("quiet-tasks", "GET", "/quiet/tasks"),
    ("tasks", "GET", "/tasks"),
    ("telemetry", "GET", "/telemetry"),
]
