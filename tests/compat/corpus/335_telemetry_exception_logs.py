"""Unhandled-exception log records, once (FASTAPI-FACTS 14): a mounted app with its
own telemetry, a failing background task, a yield dependency failing in its cleanup
(after the response), and none for an exception a handler answers with a 500."""

import json
from collections.abc import Iterator
from typing import Annotated, Any

from _telemetry_recording import Recording
from fastapi import BackgroundTasks, Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse

RECORDING = Recording()
CHILD_RECORDING = Recording()
app = FastAPI(telemetry=RECORDING.telemetry)
child = FastAPI(telemetry=CHILD_RECORDING.telemetry)


class Custom(Exception):
    pass


@app.exception_handler(Custom)
async def custom(request: Request, exc: Custom) -> JSONResponse:
    return JSONResponse({"custom": True}, status_code=500)


@child.get("/boom")
def child_boom() -> str:
    raise RuntimeError("child")


app.mount("/child", child)


def failing_task() -> None:
    raise ValueError("task")


@app.get("/task-fails")
def task_fails(tasks: BackgroundTasks) -> str:
    tasks.add_task(failing_task)
    return "ok"


@app.get("/custom")
def custom_error() -> str:
    raise Custom()


def cleanup_fails() -> Iterator[int]:
    try:
        yield 1
    finally:
        raise KeyError("cleanup")


@app.get("/cleanup-fails")
def cleanup(value: Annotated[int, Depends(cleanup_fails)]) -> int:
    return value


@app.get("/telemetry")
def telemetry() -> Response:
    def records(recording: Recording) -> list[Any]:
        return [
            [log.log_record.body, type(log.log_record.exception).__name__]
            for log in recording.logs.get_finished_logs()
        ]

    out = {
        "records": records(RECORDING),
        "child-records": records(CHILD_RECORDING),
        "recorded": json.loads(RECORDING.recorded()),
        "child": json.loads(CHILD_RECORDING.recorded()),
    }
    return Response(json.dumps(out, sort_keys=True), media_type="application/json")


CASES = [
    ("child-boom", "GET", "/child/boom"),
    ("telemetry-child", "GET", "/telemetry"),
    ("task-fails", "GET", "/task-fails"),
    ("telemetry-task", "GET", "/telemetry"),
    ("custom", "GET", "/custom"),
    ("telemetry-custom", "GET", "/telemetry"),
    ("cleanup-fails", "GET", "/cleanup-fails"),
    ("telemetry-cleanup", "GET", "/telemetry"),
]
