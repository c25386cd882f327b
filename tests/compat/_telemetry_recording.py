"""In-memory OpenTelemetry providers for the telemetry apps of the corpus.

Imports neither framework: each corpus app builds its own `Recording()` (so the FastAPI
and the fastslim load of an app never share exporters) and passes `.telemetry` to
`FastAPI(telemetry=...)`.
"""

from __future__ import annotations

import json
from typing import Any

from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

__all__ = ("Recording",)


class Recording:
    """Tracer, meter and logger providers with in-memory exporters.

    `telemetry` is the `telemetry=` mapping of FastAPI 0.165 (the three providers, and an
    `exclude` function leaving out the apps' `/telemetry` read-out route).
    """

    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.metrics = InMemoryMetricReader()
        self.logs = InMemoryLogRecordExporter()  # type: ignore[no-untyped-call]
        tracer_provider = TracerProvider()
        tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        logger_provider = LoggerProvider()
        logger_provider.add_log_record_processor(SimpleLogRecordProcessor(self.logs))
        self.telemetry: Any = {
            "tracer_provider": tracer_provider,
            "meter_provider": MeterProvider(metric_readers=[self.metrics]),
            "logger_provider": logger_provider,
            "exclude": lambda scope: scope["path"] == "/telemetry",
        }

    def recorded(self) -> bytes:
        """What was recorded since the last call: spans, logs and metric points, as JSON."""
        spans = list(self.spans.get_finished_spans())
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
        for log in self.logs.get_finished_logs():
            record = log.log_record
            attributes = dict(record.attributes or {})
            attributes.pop("exception.stacktrace", None)
            out["logs"].append([record.severity_text, record.body, record.event_name, attributes])
        data = self.metrics.get_metrics_data()
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    points = [dict(point.attributes or {}) for point in metric.data.data_points]
                    out["metrics"][metric.name] = [metric.unit, metric.description, points]
        self.spans.clear()
        self.logs.clear()
        return json.dumps(out, sort_keys=True).encode()
