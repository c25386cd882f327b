"""Telemetry: server and operation spans of included routes, trace context, redacted query."""

import json
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, Response
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


app = FastAPI(telemetry=TELEMETRY)
router = APIRouter(prefix="/r")


def note(value: int) -> None:
    pass


class Job:
    def __call__(self) -> None:
        pass


def dependency() -> int:
    return 1


@router.get("/items/{x}")
async def item(x: int, tasks: BackgroundTasks, d: Annotated[int, Depends(dependency)]) -> int:
    tasks.add_task(note, x)
    tasks.add_task(Job())
    return x + d


@app.post("/plain")
def plain(q: str = "") -> str:
    return q


app.include_router(router, prefix="/api")


@app.get("/telemetry")
def telemetry() -> Response:
    return Response(recorded(), media_type="application/json")


TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
CASES = [
    ("item", "GET", "/api/r/items/3", {"headers": {"traceparent": TRACEPARENT}}),
    ("item-telemetry", "GET", "/telemetry"),
    ("query", "POST", "/plain?sig=1&q=a%20b&X-Amz-Signature=2&Signature=3&X-Amz-Credential=&x"),
    ("query-telemetry", "GET", "/telemetry"),
    ("redirect", "GET", "/api/r/items/3/"),
    ("redirect-telemetry", "GET", "/telemetry"),
    ("missing", "GET", "/missing"),
    ("missing-telemetry", "GET", "/telemetry"),
]
