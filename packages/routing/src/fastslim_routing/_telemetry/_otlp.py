"""`auto_configure`: OTLP exporters from the `OTEL_*` environment variables.

`OTEL_TRACES_EXPORTER`, `OTEL_METRICS_EXPORTER` and `OTEL_LOGS_EXPORTER` are each
"otlp" (the default) or "none"; endpoints, headers and the rest come from the
standard `OTEL_EXPORTER_OTLP_*` variables, read by the exporters themselves.
Needs opentelemetry-sdk and opentelemetry-exporter-otlp-proto-http; any failure
(a missing package, another exporter name) is logged and that signal is left
unconfigured.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("fastslim.telemetry")


def _traces() -> Any:
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def _metrics() -> Any:
    from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader

    return MeterProvider(metric_readers=[PeriodicExportingMetricReader(OTLPMetricExporter())])


def _logs() -> Any:
    from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import BatchLogRecordProcessor

    provider = LoggerProvider()
    provider.add_log_record_processor(BatchLogRecordProcessor(OTLPLogExporter()))
    return provider


_SIGNALS: dict[str, tuple[str, Callable[[], Any]]] = {
    "tracer_provider": ("OTEL_TRACES_EXPORTER", _traces),
    "meter_provider": ("OTEL_METRICS_EXPORTER", _metrics),
    "logger_provider": ("OTEL_LOGS_EXPORTER", _logs),
}


def otlp_providers() -> dict[str, Any]:
    """SDK providers exporting by OTLP, one per signal not set to "none"."""
    providers: dict[str, Any] = {}
    for key, (variable, make) in _SIGNALS.items():
        exporter = os.environ.get(variable, "otlp").strip().lower()
        if exporter == "none":
            continue
        if exporter != "otlp":
            logger.error(
                "Telemetry auto-configuration supports only the OTLP exporter: %s=%r is ignored.",
                variable,
                exporter,
            )
            continue
        try:
            providers[key] = make()
        except Exception:
            logger.exception("Telemetry auto-configuration of %s failed.", variable)
    return providers
