"""Telemetry of `frontend()` routes and of a mounted StaticFiles app (FASTAPI-FACTS 14):
the span is named after the frontend's prefix (`/app/ui/{path}`, `/{path}` at the
root) with no operation spans, router dependencies included; a static mount is
`/static/{path}`."""

from pathlib import Path
from typing import Any

from _telemetry_recording import Recording
from fastapi import APIRouter, Depends, FastAPI, Response
from fastapi.staticfiles import StaticFiles

FILES = Path(__file__).parent / "_files"
RECORDING = Recording()
TELEMETRY: Any = RECORDING.telemetry
app = FastAPI(telemetry=TELEMETRY)


def dependency() -> int:
    return 1


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(RECORDING.recorded(), media_type="application/json")


app.mount("/static", StaticFiles(directory=FILES / "static"))
router = APIRouter()
router.frontend("/ui", directory=FILES / "spa", fallback="index.html")
app.include_router(router, prefix="/app", dependencies=[Depends(dependency)])
app.frontend("/", directory=FILES / "spa")

CASES = [
    ("fallback", "GET", "/app/ui/x/y", {"headers": {"accept": "text/html"}}),
    ("file", "GET", "/app/ui/index.html"),
    ("redirect", "GET", "/app/ui"),
    ("root-missing", "GET", "/missing", {"headers": {"accept": "text/html"}}),
    ("static-missing", "GET", "/static/missing.css"),
    ("static-file", "GET", "/static/hello.txt"),
    ("telemetry", "GET", "/telemetry"),
]
