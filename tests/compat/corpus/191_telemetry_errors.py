"""Telemetry of failures: HTTP errors, unhandled exceptions, failing dependencies, validation."""

from typing import Annotated, Any

from _telemetry_recording import Recording
from fastapi import Depends, FastAPI, HTTPException, Response

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(telemetry=TELEMETRY)


class Broken(Exception):
    pass


def refuse() -> None:
    raise HTTPException(401, "no")


def crash() -> None:
    raise ValueError("dependency crashed")


@app.get("/unavailable")
def unavailable() -> None:
    raise HTTPException(503)


@app.get("/not-found")
async def not_found() -> None:
    raise HTTPException(404)


@app.get("/broken")
def broken() -> None:
    raise Broken("it broke")


@app.get("/refused", dependencies=[Depends(refuse)])
def refused() -> None:
    pass


@app.get("/crashed")
def crashed(c: Annotated[None, Depends(crash)]) -> None:
    pass


@app.post("/items/{x}")
def items(x: int, body: dict[str, int], y: int) -> int:
    return x


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


CASES = [
    ("unavailable", "GET", "/unavailable"),
    ("not-found", "GET", "/not-found"),
    ("broken", "GET", "/broken"),
    ("refused", "GET", "/refused"),
    ("crashed", "GET", "/crashed"),
    ("invalid", "POST", "/items/a", {"json": {"a": "b"}}),
    ("telemetry", "GET", "/telemetry"),
]
