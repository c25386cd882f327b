"""Telemetry of routes with a custom route class, and of a dependency's arguments order."""

import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.routing import APIRoute
from fastapi.telemetry import get_telemetry_data
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

SPANS = InMemorySpanExporter()
METRICS = InMemoryMetricReader()
LOGS = InMemoryLogRecordExporter()  # type: ignore[no-untyped-call]
TRACER_PROVIDER = TracerProvider()
TRACER_PROVIDER.add_span_processor(SimpleSpanProcessor(SPANS))
LOGGER_PROVIDER = LoggerProvider()
LOGGER_PROVIDER.add_log_record_processor(SimpleLogRecordProcessor(LOGS))
TELEMETRY: Any = {
    "tracer_provider": TRACER_PROVIDER,
    "meter_provider": MeterProvider(metric_readers=[METRICS]),
    "logger_provider": LOGGER_PROVIDER,
    "exclude": lambda scope: scope["path"] == "/telemetry",
}


def recorded() -> bytes:
    """What was recorded since the last call: spans, logs and metric points, as JSON."""
    spans = list(SPANS.get_finished_spans())
    ids = {span.context.span_id: i for i, span in enumerate(spans) if span.context}
    out: dict[str, Any] = {"spans": [], "logs": [], "metrics": {}}
    for span in spans:
        parent = span.parent
        out["spans"].append(
            {
                "name": span.name,
                "kind": span.kind.name,
                "status": span.status.status_code.name,
                "attributes": dict(span.attributes or {}),
                "parent": None if parent is None else ids.get(parent.span_id, "remote"),
            }
        )
    for log in LOGS.get_finished_logs():
        record = log.log_record
        attributes = dict(record.attributes or {})
        attributes.pop("exception.stacktrace", None)
        out["logs"].append([record.severity_text, record.body, record.event_name, attributes])
    data = METRICS.get_metrics_data()
    for resource in data.resource_metrics if data else ():
        for scope in resource.scope_metrics:
            for metric in scope.metrics:
                points = [dict(point.attributes or {}) for point in metric.data.data_points]
                out["metrics"][metric.name] = [metric.unit, metric.description, points]
    SPANS.clear()
    LOGS.clear()
    return json.dumps(out, sort_keys=True).encode()


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
