"""Telemetry of an app, resolved once (when its middleware stack is built).

`check_config(config)` runs at app creation: an explicit `telemetry=` needs
OpenTelemetry's API. `resolve(config)` decides whether the app records anything:
only with a provider passed, or a global one set (not OpenTelemetry's proxy), or
`auto_configure`. Otherwise it returns None and the app carries no telemetry
code at all. Only this module and the ones it serves import OpenTelemetry.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from ..__about__ import __version__

EXTRA = "pip install 'fastslim-routing[telemetry]' (or 'fastslim[telemetry]')"
SCOPE_NAME = "fastapi"
"""The instrumentation scope of spans, metrics and logs: FastAPI's, so dashboards match."""
SENSITIVE_QUERY_KEYS = frozenset(
    {"sig", "X-Goog-Signature", "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token"}
)
DURATION_BOUNDARIES = (
    0.005,
    0.01,
    0.025,
    0.05,
    0.075,
    0.1,
    0.25,
    0.5,
    0.75,
    1.0,
    2.5,
    5.0,
    7.5,
    10.0,
)
KNOWN_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "QUERY"}
)
"""The HTTP methods a span and the metrics name as they are (others are `_OTHER`)."""

KNOWN_METHODS_ENV = "OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS"


def known_methods() -> frozenset[str]:
    """The known methods: `OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS` (comma-separated,
    case-sensitive) when it names any, else `KNOWN_METHODS` (OpenTelemetry's HTTP
    semantic conventions; read when the app's telemetry is resolved)."""
    named = frozenset(
        method.strip() for method in os.environ.get(KNOWN_METHODS_ENV, "").split(",")
    ) - {""}
    return named or KNOWN_METHODS


logger = logging.getLogger("fastslim.telemetry")


def available() -> bool:
    """Whether OpenTelemetry's API is installed (without importing it)."""
    try:
        return importlib.util.find_spec("opentelemetry.trace") is not None
    except ModuleNotFoundError:
        return False


def check_config(config: Mapping[str, Any] | None) -> None:
    """Raise `ImportError` naming the extra when `config` is given without the API."""
    if config is not None and not available():
        raise ImportError(
            f"FastAPI(telemetry=...) needs OpenTelemetry's API, which is not installed: {EXTRA}."
        )


class Telemetry:
    """The resolved telemetry of an app: what to record and with what.

    `tracer` is None without tracing; `histogram`/`active` without metrics;
    `logger` without logs.
    """

    def __init__(
        self,
        *,
        tracer: Any,
        tracing: bool,
        operation_spans: bool,
        meter: Any,
        log: Any,
        exclude: Callable[[MutableMapping[str, Any]], bool] | None,
    ) -> None:
        self.tracer = tracer
        self.tracing = tracing
        self.global_tracer_provider: Any = None
        """The global tracer provider `tracer` came from (None: an explicit one);
        `follow_global_tracer()` follows a later change of it, as FastAPI does."""
        self.known_methods = known_methods()
        # Operation and background task spans are children of the server span: none
        # without tracing (FastAPI 0.165).
        self.operation_spans = operation_spans and tracing and tracer is not None
        self.histogram = self.active = None
        if meter is not None:
            self.histogram = meter.create_histogram(
                "http.server.request.duration",
                unit="s",
                description="Duration of HTTP server requests.",
                explicit_bucket_boundaries_advisory=list(DURATION_BOUNDARIES),
            )
            self.active = meter.create_up_down_counter(
                "http.server.active_requests",
                unit="{request}",
                description="Number of active HTTP server requests.",
            )
        self.logger = log
        self.exclude = exclude

    def follow_global_tracer(self) -> None:
        """Take the current global tracer provider's tracer when it changed since."""
        from opentelemetry import trace

        provider = trace.get_tracer_provider()
        if provider is not self.global_tracer_provider:
            self.global_tracer_provider = provider
            self.tracer = provider.get_tracer(SCOPE_NAME, __version__)


def _auto_configure(config: Mapping[str, Any]) -> bool:
    value = config.get("auto_configure")
    if value is None:
        return os.environ.get("FASTAPI_OTEL_AUTO_CONFIGURE", "").lower() == "true"
    return bool(value)


def resolve(config: Mapping[str, Any] | None) -> Telemetry | None:
    """The app's telemetry, or None when it would record nothing (or the API is absent)."""
    if config is None:
        if not available():
            return None
        config = {}
    from opentelemetry import _logs, metrics, trace

    providers = {
        "tracer_provider": config.get("tracer_provider"),
        "meter_provider": config.get("meter_provider"),
        "logger_provider": config.get("logger_provider"),
    }
    if _auto_configure(config):
        from ._otlp import otlp_providers

        for key, provider in otlp_providers().items():
            providers[key] = providers[key] or provider
    explicit = any(provider is not None for provider in providers.values())
    tracer_provider = providers["tracer_provider"] or trace.get_tracer_provider()
    meter_provider = providers["meter_provider"] or metrics.get_meter_provider()
    logger_provider = providers["logger_provider"] or _logs.get_logger_provider()
    proxies = (trace.ProxyTracerProvider, metrics._internal._ProxyMeterProvider)
    if not explicit and all(
        isinstance(provider, (*proxies, _logs._internal.ProxyLoggerProvider))
        for provider in (tracer_provider, meter_provider, logger_provider)
    ):
        return None
    tracing = config.get("tracing", True)
    operation_spans = config.get("operation_spans", True)
    tracer = tracer_provider.get_tracer(SCOPE_NAME, __version__) if tracing else None
    meter = (
        meter_provider.get_meter(SCOPE_NAME, __version__) if config.get("metrics", True) else None
    )
    log = _logs.get_logger(SCOPE_NAME, __version__, logger_provider=logger_provider)
    telemetry = Telemetry(
        tracer=tracer,
        tracing=bool(tracing),
        operation_spans=bool(operation_spans),
        meter=meter,
        log=log if config.get("logs", True) else None,
        exclude=config.get("exclude"),
    )
    if tracer is not None and providers["tracer_provider"] is None:
        telemetry.global_tracer_provider = tracer_provider
    return telemetry


def function_name(call: Any) -> str:
    """`module.qualname` of a function, or of the class of a callable instance."""
    target = call if hasattr(call, "__qualname__") else type(call)
    return f"{getattr(target, '__module__', None)}.{target.__qualname__}"


def error_type(exc: BaseException) -> str:
    """The `error.type` of an exception: its name, module-qualified unless a builtin."""
    cls = type(exc)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def redacted_query(query: str) -> str:
    """The query string re-encoded, values of signature keys replaced by REDACTED."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "REDACTED" if k in SENSITIVE_QUERY_KEYS else v) for k, v in pairs])
