"""Telemetry across a mounted FastAPI app, a Starlette route and nested routers."""

from typing import Any

from _telemetry_recording import Recording
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import PlainTextResponse
from starlette.routing import Route

RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
recorded = RECORDING.recorded


app = FastAPI(telemetry=TELEMETRY)
sub = FastAPI()
outer = APIRouter(prefix="/outer")
inner = APIRouter(prefix="/inner")


@sub.get("/s/{y}")
def sub_item(y: str) -> str:
    return y


@inner.get("/{z}")
def nested(z: int) -> int:
    return z


def starlette_endpoint(request: Request) -> PlainTextResponse:
    return PlainTextResponse("plain")


outer.include_router(inner)
app.include_router(outer, prefix="/v1")
app.mount("/sub", sub)
app.router.routes.append(Route("/starlette", starlette_endpoint))


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


CASES = [
    ("mounted", "GET", "/sub/s/a"),
    ("nested", "GET", "/v1/outer/inner/5"),
    ("starlette", "GET", "/starlette"),
    ("telemetry", "GET", "/telemetry"),
]
