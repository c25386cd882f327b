"""opentelemetry-instrumentation-fastapi 0.66b2: `FastAPIInstrumentor.instrument_app`
with an in-memory exporter on an app with an included router, a websocket route, a
background task and an error; the spans' names, kinds and route attributes (the
framework's own telemetry steps aside, as FastAPI's does)."""

from _report import observe, report
from fastapi import APIRouter, BackgroundTasks, FastAPI, WebSocket
from fastapi.testclient import TestClient
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

exporter = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))

app = FastAPI()
router = APIRouter(prefix="/items")


def notify(name: str) -> None:
    del name


@router.get("/{item_id}")
def read_item(item_id: int, tasks: BackgroundTasks) -> dict[str, int]:
    tasks.add_task(notify, "read")
    return {"item_id": item_id}


@router.get("/broken/{n}")
def broken(n: int) -> None:
    raise ValueError(n)


app.include_router(router, prefix="/api")


@app.websocket("/ws/{room}")
async def socket(websocket: WebSocket, room: str) -> None:
    await websocket.accept()
    await websocket.send_text(room)
    await websocket.close()


FastAPIInstrumentor.instrument_app(app, tracer_provider=provider)
client = TestClient(app, raise_server_exceptions=False)
observed = {
    "item": observe(client.get("/api/items/7")),
    "broken": observe(client.get("/api/items/broken/1")),
    "not found": observe(client.get("/nowhere")),
}
with client.websocket_connect("/ws/lobby") as websocket:
    observed["websocket"] = websocket.receive_text()
spans = [
    (
        span.name,
        span.kind.name,
        span.instrumentation_scope.name if span.instrumentation_scope else None,
        span.attributes.get("http.route") if span.attributes else None,
        span.status.status_code.name,
    )
    for span in exporter.get_finished_spans()
]
report({**observed, "spans": spans})
