"""`fastslim.telemetry`, as `fastapi.telemetry`: built-in OpenTelemetry (FASTAPI-FACTS 6).

`FastAPI(telemetry={...})` takes a `TelemetryConfig`. With OpenTelemetry's API
installed (`pip install 'fastslim-routing[telemetry]'`, or `'fastslim[telemetry]'`)
an app records server spans, operation spans, HTTP metrics and logs once a
provider is passed or a global one is set (else it stays inert: no middleware,
no cost). Without the package telemetry is off; passing `telemetry=` then raises
`ImportError` at app creation, naming the extra to install.

This module never imports OpenTelemetry itself.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from starlette.requests import Request
from starlette.websockets import WebSocket

__all__ = ("TelemetryConfig", "TelemetryData", "get_telemetry_data")


class TelemetryConfig(TypedDict, total=False):
    """The `telemetry=` of `FastAPI(...)`; every key is optional.

    - `tracer_provider`, `meter_provider`, `logger_provider`: OpenTelemetry
      providers to use instead of the global ones;
    - `tracing` (server spans), `metrics` (HTTP metrics), `logs` (validation
      failures and unhandled exceptions), `operation_spans` (dependencies,
      endpoint, serialization, background tasks): each True by default;
    - `auto_configure`: add OTLP exporters from the `OTEL_*` environment
      variables (needs opentelemetry-sdk and the OTLP exporter); False unless
      `FASTAPI_OTEL_AUTO_CONFIGURE=true`; an explicit value wins;
    - `exclude`: a function of the ASGI scope; True skips telemetry for that
      request or connection.
    """

    tracer_provider: Any
    meter_provider: Any
    logger_provider: Any
    tracing: bool
    metrics: bool
    logs: bool
    operation_spans: bool
    auto_configure: bool
    exclude: Callable[[MutableMapping[str, Any]], bool] | None


@dataclass
class TelemetryData:
    """What telemetry knows of the request being served (see `get_telemetry_data`).

    `request` (or `websocket`) from the start of the route handler; `body`: the
    body read, before validation; `values`: the endpoint's arguments once the
    dependencies are solved; `errors`: the request validation errors.
    """

    request: Request | None = None
    websocket: WebSocket | None = None
    body: Any = None
    values: dict[str, Any] | None = None
    errors: Sequence[Any] | None = None


def get_telemetry_data(context: Any = None) -> TelemetryData | None:
    """The `TelemetryData` of the request or connection being served with telemetry
    on, in `context` (an OpenTelemetry `Context`; default: the current one; a log
    processor passes `record.context`), else None: also once it has been served, and
    in a request excluded from telemetry (FASTAPI-FACTS 14)."""
    from ._telemetry._data import current

    data: TelemetryData | None = current(context)
    return data
