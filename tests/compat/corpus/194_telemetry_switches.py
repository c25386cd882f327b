"""Telemetry switches: no operation spans, no metrics, no logs, and an exclude function."""

from typing import Any

from _telemetry_recording import Recording
from fastapi import FastAPI, Response

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(
    telemetry={  # type: ignore[arg-type]
        **TELEMETRY,
        "operation_spans": False,
        "metrics": False,
        "logs": False,
        "exclude": lambda scope: scope["path"] in ("/telemetry", "/health"),
    }
)


@app.get("/health")
def health() -> str:
    return "ok"


@app.get("/items/{x}")
def item(x: int) -> int:
    return x


@app.get("/broken")
def broken() -> None:
    raise RuntimeError("x")


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


CASES = [
    ("health", "GET", "/health"),
    ("item", "GET", "/items/1"),
    ("invalid", "GET", "/items/x"),
    ("broken", "GET", "/broken"),
    ("telemetry", "GET", "/telemetry"),
]
