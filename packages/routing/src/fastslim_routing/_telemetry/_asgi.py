"""The telemetry middleware: a SERVER span per request or WebSocket connection, the
HTTP metrics, and the log of unhandled exceptions (FASTAPI-FACTS section 6).

It sits just inside Starlette's ServerErrorMiddleware, so it sees every exception
that no handler answered. The span ends with the last byte of the response (before
the background tasks, whose spans are its children); its name and `http.route`
come from the route that served the request, mount prefixes included.
"""

from __future__ import annotations

import time
import traceback
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._config import Telemetry, error_type, redacted_query
from ._data import enter_excluded
from ._spans import is_failure, mark_error
from ._state import TELEMETRY, RequestTelemetry

try:
    from opentelemetry import context as otel_context
    from opentelemetry import propagate, trace
    from opentelemetry._logs import SeverityNumber
    from opentelemetry.trace import SpanKind
except ModuleNotFoundError:  # pragma: no cover
    # Without the telemetry extra this module is never used (see `_telemetry.resolve`).
    pass


_DEFAULT_PORTS = {"http": 80, "ws": 80, "https": 443, "wss": 443}


def _authority(scope: Scope) -> tuple[str | None, int | None]:
    """`server.address` and `server.port` of a span: the request's authority (its
    `Host` header; the scheme's port when it names none), else the ASGI server;
    neither for a `Host` that is not `host[:port]` (FASTAPI-FACTS 14)."""
    for name, value in scope.get("headers", ()):
        if name == b"host":
            return _parse_host(value.decode("latin-1"), scope.get("scheme", "http"))
    server = scope.get("server") or (None, None)
    return server[0], server[1]


def _parse_host(host: str, scheme: str) -> tuple[str | None, int | None]:
    port_text: str | None
    if host.startswith("["):  # an IPv6 literal: [::1]:8080
        end = host.find("]")
        if end < 0:
            return None, None
        address, rest = host[1:end], host[end + 1 :]
        if rest and not rest.startswith(":"):
            return None, None
        port_text = rest[1:] if rest else None
    else:
        address, colon, port_text = host.partition(":")
        if not colon:
            port_text = None
    if not address:
        return None, None
    if port_text is None:
        return address, _DEFAULT_PORTS.get(scheme)
    if not port_text.isdigit() or int(port_text) > 65535:
        return None, None
    return address, int(port_text)


class _HeaderGetter:
    """Reads a request's headers for the propagators: every value of a repeated header,
    in order (`baggage`, which its propagator reads once, joined by commas). Shaped as
    OpenTelemetry's `textmap.Getter`, which the propagators only call: no subclass, so
    that this module imports without the telemetry extra."""

    def get(self, carrier: dict[str, list[str]], key: str) -> list[str] | None:
        values = carrier.get(key.lower())
        if values is not None and key.lower() == "baggage" and len(values) > 1:
            return [",".join(values)]
        return values

    def keys(self, carrier: dict[str, list[str]]) -> list[str]:
        return list(carrier)


_GETTER: Any = _HeaderGetter()


def _extracted(scope: Scope) -> Any:
    """The trace context and baggage the request's headers carry."""
    carrier: dict[str, list[str]] = {}
    for name, value in scope.get("headers", ()):
        carrier.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
    return propagate.extract(carrier, getter=_GETTER)


def _log_exception(telemetry: Telemetry, exc: BaseException, route: str | None, ws: bool) -> None:
    log = telemetry.logger
    if log is None:
        return
    kind = "WebSocket connection" if ws else "request"
    log.emit(
        timestamp=time.time_ns(),
        exception=exc,
        severity_number=SeverityNumber.ERROR,
        severity_text="ERROR",
        body=f"Unhandled exception in FastAPI {kind}",
        attributes={
            "exception.type": error_type(exc),
            "exception.message": str(exc),
            "exception.stacktrace": "".join(traceback.format_exception(exc)),
            "http.route": route or "",
        },
        event_name="fastapi.websocket.exception" if ws else "http.server.request.exception",
    )


class _Exchange:
    """The span and metrics of one HTTP request, finished once."""

    def __init__(self, telemetry: Telemetry, scope: Scope, state: RequestTelemetry) -> None:
        self.telemetry, self.scope, self.state = telemetry, scope, state
        method = scope["method"]
        self.known = method in telemetry.known_methods
        self.method = method if self.known else "_OTHER"
        self.metric = {"url.scheme": scope["scheme"], "http.request.method": self.method}
        self.status: int | None = None
        self.finished = False
        self.span: Any = None
        self.start = time.perf_counter()
        self.context = _extracted(scope)
        if telemetry.tracer is not None and telemetry.tracing:
            self.span = telemetry.tracer.start_span(
                method if self.known else "HTTP",
                context=self.context,
                kind=SpanKind.SERVER,
                attributes=self._attributes(method),
            )
        if telemetry.active is not None:
            telemetry.active.add(1, self.metric)

    def _attributes(self, method: str) -> dict[str, Any]:
        scope = self.scope
        server = _authority(scope)
        attributes: dict[str, Any] = {"server.address": server[0], "server.port": server[1]}
        attributes["url.path"] = scope["path"]
        if scope.get("query_string"):
            attributes["url.query"] = redacted_query(scope["query_string"].decode("latin-1"))
        if not self.known:
            attributes["http.request.method_original"] = method
        attributes["url.scheme"] = scope["scheme"]
        attributes["http.request.method"] = self.method
        attributes["network.protocol.version"] = scope.get("http_version", "1.1")
        return {k: v for k, v in attributes.items() if v is not None}

    def finish(self, exc: BaseException | None) -> None:
        if self.finished:
            return
        self.finished = True
        status = self.status or 500
        route = self.state.guess_route(self.scope)
        error = error_type(exc) if exc is not None else (str(status) if status >= 500 else None)
        outcome: dict[str, Any] = {"http.route": route} if route else {}
        outcome["http.response.status_code"] = status
        if error is not None:
            outcome["error.type"] = error
        span = self.span
        if span is not None:
            if route:
                span.update_name(f"{self.scope['method'] if self.known else 'HTTP'} {route}")
            span.set_attributes(outcome)
            if error is not None:
                span.set_status(trace.Status(trace.StatusCode.ERROR))
            span.end()
        telemetry = self.telemetry
        if telemetry.active is not None and telemetry.histogram is not None:
            telemetry.active.add(-1, self.metric)
            version = self.scope.get("http_version", "1.1")
            attributes = {**self.metric, "network.protocol.version": version, **outcome}
            telemetry.histogram.record(time.perf_counter() - self.start, attributes)


class TelemetryMiddleware:
    """Records the server side of every request and WebSocket connection of an app."""

    def __init__(self, app: ASGIApp, telemetry: Telemetry) -> None:
        self.app = app
        self.telemetry = telemetry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        exclude = self.telemetry.exclude
        if kind not in ("http", "websocket") or TELEMETRY in scope:
            await self.app(scope, receive, send)
        elif exclude is not None and exclude(scope):
            # Not observed, and blind to the data of a request it may be called from.
            token = enter_excluded()
            try:
                await self.app(scope, receive, send)
            finally:
                otel_context.detach(token)
        else:
            if self.telemetry.global_tracer_provider is not None:
                self.telemetry.follow_global_tracer()
            if kind == "http":
                await self._http(scope, receive, send)
            else:
                await self._websocket(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = scope[TELEMETRY] = RequestTelemetry(self.telemetry, scope)
        exchange = _Exchange(self.telemetry, scope, state)

        async def observed_send(message: Message) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                exchange.status = message["status"]
            await send(message)
            if (
                kind == "http.response.body"
                and not message.get("more_body", False)
                and (exchange.status or 500) < 500
            ):
                # The response is sent: the span ends (a 500 ends with the exception
                # its handler re-raises, or with the call).
                exchange.finish(None)

        context = exchange.context
        if exchange.span is not None:
            context = trace.set_span_in_context(exchange.span, context)
        token = otel_context.attach(context)
        try:
            await self.app(scope, receive, observed_send)
        except Exception as exc:
            exchange.finish(exc)
            _log_exception(self.telemetry, exc, state.route, ws=False)
            raise
        finally:
            exchange.finish(None)
            otel_context.detach(token)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        telemetry = self.telemetry
        state = scope[TELEMETRY] = RequestTelemetry(telemetry, scope)
        if telemetry.tracer is None or not telemetry.tracing:
            await self._websocket_untraced(scope, receive, send, state)
            return
        server = _authority(scope)
        attributes = {
            "server.address": server[0],
            "server.port": server[1],
            "url.scheme": scope.get("scheme", "ws"),
            "network.protocol.name": "websocket",
        }
        extracted = _extracted(scope)
        span = telemetry.tracer.start_span(
            "WS",
            context=extracted,
            kind=SpanKind.SERVER,
            attributes={k: v for k, v in attributes.items() if v is not None},
        )
        token = otel_context.attach(trace.set_span_in_context(span, extracted))
        try:
            await self._websocket_untraced(scope, receive, send, state, span)
        finally:
            route = state.guess_route(scope)
            if route:
                span.update_name(f"WS {route}")
                span.set_attribute("http.route", route)
            span.end()
            otel_context.detach(token)

    async def _websocket_untraced(
        self, scope: Scope, receive: Receive, send: Send, state: RequestTelemetry, span: Any = None
    ) -> None:
        try:
            await self.app(scope, receive, send)
        except Exception as exc:
            if is_failure(exc):
                if span is not None:
                    mark_error(span, exc)
                _log_exception(self.telemetry, exc, state.guess_route(scope), ws=True)
            raise
