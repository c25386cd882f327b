"""get_telemetry_data(): the request, body, arguments and errors of the request served."""

import json
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from fastapi.telemetry import TelemetryData, get_telemetry_data
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pydantic import BaseModel

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
