"""Telemetry metrics: request duration and active requests by method, route and status."""

from typing import Any

from _telemetry_recording import Recording
from fastapi import FastAPI, Response

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(telemetry=TELEMETRY)


@app.get("/a/{x}")
def a(x: str) -> str:
    return x


@app.put("/a/{x}")
async def put_a(x: str) -> str:
    return x


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


CASES = [
    ("get", "GET", "/a/1"),
    ("get-again", "GET", "/a/2"),
    ("put", "PUT", "/a/1"),
    ("not-allowed", "DELETE", "/a/1"),
    ("unknown-method", "FOO", "/a/1"),
    ("unmatched", "GET", "/b"),
    ("telemetry", "GET", "/telemetry"),
]
