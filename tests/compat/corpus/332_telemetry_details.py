"""Telemetry details of FastAPI 0.165 (FASTAPI-FACTS 14): `get_telemetry_data(context)`;
the request authority (`Host`) as `server.address`/`server.port` on spans only; span
names with mount and include prefixes as templates (root path, path parameters of
mounts, a mounted plain Starlette app), for websockets too; a websocket closed by the
client with 1000 is not an error; the log record of an unhandled exception (its
timestamp, exception object and trace context, once) and none for handled exceptions;
background task spans; propagated baggage; an excluded request blind to the data of
the request calling it."""

import json
from typing import Any

from _telemetry_recording import Recording
from fastapi import (
    APIRouter,
    BackgroundTasks,
    FastAPI,
    HTTPException,
    Request,
    Response,
    WebSocket,
    WebSocketDisconnect,
)
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.telemetry import get_telemetry_data
from opentelemetry import baggage
from opentelemetry import context as otel_context
from starlette.applications import Starlette
from starlette.routing import Route

RECORDING = Recording()
TELEMETRY: Any = {
    **RECORDING.telemetry,
    "exclude": lambda scope: scope["path"] in ("/telemetry", "/excluded"),
}
SAVED: list[Any] = []


class Handled(Exception):
    pass


app = FastAPI(telemetry=TELEMETRY)
sub = FastAPI()
router = APIRouter(prefix="/rooms/{tenant}")


@app.exception_handler(Handled)
async def handled_exception(request: Request, exc: Handled) -> JSONResponse:
    return JSONResponse({"handled": True}, status_code=409)


@router.websocket("/ws/{room}")
async def room(websocket: WebSocket, tenant: str, room: str) -> None:
    await websocket.accept()
    data = get_telemetry_data()
    await websocket.send_json({"data": data is not None and data.websocket is websocket})
    try:
        await websocket.receive_text()
    except WebSocketDisconnect as exc:
        SAVED.append(exc.code)


@router.websocket("/lets-disconnect-propagate")
async def propagate(websocket: WebSocket, tenant: str) -> None:
    await websocket.accept()
    await websocket.receive_text()  # the client's close raises WebSocketDisconnect here


@router.websocket("/fail")
async def fail(websocket: WebSocket, tenant: str) -> None:
    await websocket.accept()
    raise RuntimeError("websocket failed")


@sub.get("/inner/{k}")
def inner(k: str) -> str:
    return k


@sub.websocket("/ws/{k}")
async def sub_ws(websocket: WebSocket, k: str) -> None:
    await websocket.accept()
    await websocket.send_text(k)
    await websocket.close()


def plain(request: Request) -> PlainTextResponse:
    return PlainTextResponse("plain")


app.include_router(router, prefix="/api")
app.mount("/tenants/{tenant}", sub)
app.mount("/starlette/{sid}", Starlette(routes=[Route("/s/{z}", plain)]))


@app.get("/authority")
def authority() -> str:
    return "a"


@app.get("/data")
def data() -> dict[str, Any]:
    current = get_telemetry_data()
    context = otel_context.get_current()
    SAVED.append(context)
    return {
        "current": current is not None,
        "in-context": get_telemetry_data(context) is current,
        "baggage": dict(baggage.get_all()),
    }


@app.get("/saved")
def saved() -> list[Any]:
    contexts = [item for item in SAVED if not isinstance(item, int)]
    return [get_telemetry_data(context) is None for context in contexts] + [
        item for item in SAVED if isinstance(item, int)
    ]


@app.get("/excluded")
def excluded() -> dict[str, Any]:
    return {"data": get_telemetry_data() is None}


@app.get("/boom")
def boom() -> str:
    raise RuntimeError("boom")


@app.get("/not-found")
def not_found() -> str:
    raise HTTPException(404)


@app.get("/handled")
def handled() -> str:
    raise Handled()


@app.get("/invalid")
def invalid(q: int) -> int:
    return q


def first_task(x: int) -> None:
    pass


async def second_task() -> None:
    pass


@app.get("/tasks")
def tasks(background: BackgroundTasks) -> str:
    background.add_task(first_task, 1)
    background.add_task(second_task)
    return "ok"


@app.get("/telemetry")
def telemetry() -> Response:
    logs = [
        {
            "timestamp": log.log_record.timestamp is not None,
            "exception": type(log.log_record.exception).__name__,
            "message": str(log.log_record.exception or ""),
            "traced": bool(log.log_record.trace_id) and bool(log.log_record.span_id),
        }
        for log in RECORDING.logs.get_finished_logs()
    ]
    out = {"records": logs, "recorded": json.loads(RECORDING.recorded())}
    return Response(json.dumps(out, sort_keys=True), media_type="application/json")


CASES = [
    ("authority-port", "GET", "/authority", {"headers": {"host": "example.com:8443"}}),
    ("authority-default-port", "GET", "/authority", {"headers": {"host": "example.com"}}),
    ("authority-ipv6", "GET", "/authority", {"headers": {"host": "[::1]:8080"}}),
    ("authority-invalid", "GET", "/authority", {"headers": {"host": "bad:port"}}),
    ("telemetry-authority", "GET", "/telemetry"),
    ("ws-client-1000", "WS", "/api/rooms/t1/ws/r1", {"ws": [("receive_json",), ("close", 1000)]}),
    ("ws-client-1001", "WS", "/api/rooms/t1/ws/r1", {"ws": [("receive_json",), ("close", 1001)]}),
    (
        "ws-propagate-1000",
        "WS",
        "/api/rooms/t/lets-disconnect-propagate",
        {"ws": [("close", 1000)]},
    ),
    (
        "ws-propagate-1001",
        "WS",
        "/api/rooms/t/lets-disconnect-propagate",
        {"ws": [("close", 1001)]},
    ),
    (
        "ws-propagate-4000",
        "WS",
        "/api/rooms/t/lets-disconnect-propagate",
        {"ws": [("close", 4000)]},
    ),
    ("ws-fail", "WS", "/api/rooms/t1/fail", {"ws": [("receive",)]}),
    ("ws-mounted", "WS", "/tenants/acme/ws/k", {"ws": [("receive_text",)]}),
    ("telemetry-ws", "GET", "/telemetry"),
    ("mounted", "GET", "/tenants/acme/inner/x"),
    ("starlette-mounted", "GET", "/starlette/1/s/2"),
    ("telemetry-mounts", "GET", "/telemetry"),
    ("data", "GET", "/data", {"headers": {"baggage": "first=one,second=two"}}),
    (
        "data-split-baggage",
        "GET",
        "/data",
        {"headers": [("baggage", "first=one"), ("baggage", "second=two")]},
    ),
    ("excluded", "GET", "/excluded"),
    ("saved", "GET", "/saved"),
    ("telemetry-data", "GET", "/telemetry"),
    ("boom", "GET", "/boom"),
    ("not-found", "GET", "/not-found"),
    ("handled", "GET", "/handled"),
    ("invalid", "GET", "/invalid?q=x"),
    ("telemetry-errors", "GET", "/telemetry"),
    ("tasks", "GET", "/tasks"),
    ("telemetry-tasks", "GET", "/telemetry"),
]
