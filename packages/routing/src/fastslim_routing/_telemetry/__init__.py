"""The telemetry room: OpenTelemetry spans, metrics and logs of requests and
connections (FASTAPI-FACTS sections 6 and 14).

Holds the configuration (`_config`), the OTLP auto-configuration (`_otlp`), the
operation and background-task spans (`_spans`), the per-request state kept in the
ASGI scope (`_state`), the middleware (`_asgi`) and how the app puts it in its stack
(`_stack`). It imports none of the other rooms (`_routes`, `_compile`, `_serve`):
they use it. Only these modules import OpenTelemetry, and only when it is installed.
"""
