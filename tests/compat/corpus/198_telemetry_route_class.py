"""Telemetry of routes with a custom route class, and of a dependency's arguments order."""

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from _telemetry_recording import Recording
from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.routing import APIRoute
from fastapi.telemetry import get_telemetry_data

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


class Marked(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            response = await original(request)
            response.headers["x-marked"] = "1"
            return response

        return handler


app = FastAPI(telemetry=TELEMETRY)
router = APIRouter(route_class=Marked)


def one() -> int:
    return 1


@router.post("/marked/{x}")
def marked(body: dict[str, int], x: int, d: Annotated[int, Depends(one)], q: str = "") -> str:
    data = get_telemetry_data()
    return repr(None if data is None else data.values)


app.include_router(router)


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


CASES = [
    ("marked", "POST", "/marked/1?q=a", {"json": {"a": 1}}),
    ("invalid", "POST", "/marked/x", {"json": {"a": 1}}),
    ("telemetry", "GET", "/telemetry"),
]
