"""get_telemetry_data(): the request, body, arguments and errors of the request served."""

from typing import Annotated, Any

from _telemetry_recording import Recording
from fastapi import Depends, FastAPI
from fastapi.telemetry import TelemetryData, get_telemetry_data
from pydantic import BaseModel

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(telemetry=TELEMETRY)


class Item(BaseModel):
    name: str


def describe(data: TelemetryData | None) -> dict[str, Any]:
    if data is None:
        return {"data": None}
    return {
        "request": data.request is not None,
        "websocket": data.websocket,
        "body": data.body,
        "values": repr(data.values),
        "errors": data.errors,
    }


def seen_by_dependency() -> dict[str, Any]:
    return describe(get_telemetry_data())


@app.post("/items/{x}")
def create(x: int, item: Item, q: str = "") -> dict[str, Any]:
    return describe(get_telemetry_data())


@app.get("/dependency")
def dependency(seen: Annotated[dict[str, Any], Depends(seen_by_dependency)]) -> dict[str, Any]:
    return seen


CASES = [
    ("create", "POST", "/items/1?q=a", {"json": {"name": "n"}}),
    ("dependency", "GET", "/dependency"),
]
