"""Built-in telemetry (FASTAPI-FACTS section 6), with in-memory exporters.

Names and attributes were observed on FastAPI 0.165.0 first.
"""

import logging
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from fastslim_routing import (
    APIRouter,
    BackgroundTasks,
    Depends,
    FastAPI,
    HTTPException,
)
from fastslim_routing._telemetry import _config as _telemetry
from fastslim_routing._telemetry._asgi import TelemetryMiddleware
from fastslim_routing.requests import Request
from fastslim_routing.responses import Response
from fastslim_routing.routing import APIRoute
from fastslim_routing.sse import EventSourceResponse
from fastslim_routing.telemetry import TelemetryData, get_telemetry_data
from fastslim_routing.websockets import WebSocket
from fastslim_testclient import TestClient, WebSocketDisconnect

Client = Callable[..., TestClient]
TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


@dataclass
class Recorded:
    spans: InMemorySpanExporter
    metrics: InMemoryMetricReader
    logs: InMemoryLogRecordExporter
    config: dict[str, Any]

    def finished(self) -> list[ReadableSpan]:
        spans = list(self.spans.get_finished_spans())
        self.spans.clear()
        return spans

    def named(self) -> list[tuple[str, dict[str, Any]]]:
        return [(span.name, dict(span.attributes or {})) for span in self.finished()]

    def points(self, name: str) -> list[dict[str, Any]]:
        data = self.metrics.get_metrics_data()
        if data is None:
            return []
        return [
            dict(point.attributes or {})
            for resource in data.resource_metrics
            for scope in resource.scope_metrics
            for metric in scope.metrics
            if metric.name == name
            for point in metric.data.data_points
        ]


@pytest.fixture
def recorded() -> Recorded:
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    metrics = InMemoryMetricReader()
    logs = InMemoryLogRecordExporter()  # type: ignore[no-untyped-call]
    logger_provider = LoggerProvider()
    logger_provider.add_log_record_processor(SimpleLogRecordProcessor(logs))
    config = {
        "tracer_provider": tracer_provider,
        "meter_provider": MeterProvider(metric_readers=[metrics]),
        "logger_provider": logger_provider,
    }
    return Recorded(spans, metrics, logs, config)


def server(path: str, status: int, route: str | None = None, **extra: Any) -> dict[str, Any]:
    attributes = {
        "server.address": "testserver",
        "server.port": 80,
        "url.path": path,
        "url.scheme": "http",
        "http.request.method": "GET",
        "network.protocol.version": "1.1",
        "http.response.status_code": status,
        **extra,
    }
    if route is not None:
        attributes["http.route"] = route
    return attributes


def job(value: int) -> None:
    pass


def dependency() -> int:
    return 1


def test_server_and_operation_spans_of_an_included_route(
    recorded: Recorded, client_for: Client
) -> None:
    app = FastAPI(telemetry=recorded.config)
    router = APIRouter(prefix="/r")

    @router.get("/items/{x}")
    def item(x: int, tasks: BackgroundTasks, d: Annotated[int, Depends(dependency)]) -> int:
        tasks.add_task(job, x)
        return x + d

    app.include_router(router, prefix="/api")
    response = client_for(app).get(
        "/api/r/items/3?sig=s&q=%20", headers={"traceparent": TRACEPARENT}
    )
    assert response.json() == 4
    spans = recorded.finished()
    function = {"code.function.name": f"{__name__}.{item.__qualname__}"}
    assert [(span.name, dict(span.attributes or {})) for span in spans] == [
        ("fastapi.dependencies", function),
        ("fastapi.endpoint", function),
        ("fastapi.serialization", function),
        (
            "GET /api/r/items/{x}",
            server("/api/r/items/3", 200, "/api/r/items/{x}", **{"url.query": "sig=REDACTED&q=+"}),
        ),
        ("fastapi.background_task", {"code.function.name": f"{__name__}.job"}),
    ]
    root = spans[3]
    assert root.kind is SpanKind.SERVER
    assert root.context is not None
    assert root.parent is not None
    assert root.context.trace_id == 0x0AF7651916CD43DD8448EB211C80319C
    assert root.parent.span_id == 0xB7AD6B7169203331
    for child in (*spans[:3], spans[4]):
        assert child.parent is not None
        assert child.parent.span_id == root.context.span_id


def test_unmatched_redirected_and_unknown_methods(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)

    @app.get("/x")
    def x() -> int:
        return 1

    client = client_for(app)
    client.get("/missing")
    assert recorded.named() == [("GET", server("/missing", 404))]
    client.get("/x/", follow_redirects=False)
    assert recorded.named() == [("GET /x", server("/x/", 307, "/x"))]
    client.request("FOO", "/x")
    attributes = server("/x", 405, "/x", **{"http.request.method": "_OTHER"})
    attributes["http.request.method_original"] = "FOO"
    assert recorded.named() == [("HTTP /x", attributes)]


class Broken(Exception):
    pass


def test_errors_mark_spans_and_log(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)

    @app.get("/unavailable")
    def unavailable() -> None:
        raise HTTPException(503)

    @app.get("/broken")
    def broken() -> None:
        raise Broken("no")

    client = client_for(app, raise_server_exceptions=False)
    client.get("/unavailable")
    spans = recorded.finished()
    assert [span.status.status_code for span in spans] == [StatusCode.UNSET] * 2 + [
        StatusCode.ERROR
    ]
    assert dict(spans[-1].attributes or {})["error.type"] == "503"
    assert client.get("/broken").status_code == 500
    spans = recorded.finished()
    error = f"{__name__}.Broken"
    assert [(span.name, span.status.status_code) for span in spans] == [
        ("fastapi.dependencies", StatusCode.UNSET),
        ("fastapi.endpoint", StatusCode.ERROR),
        ("GET /broken", StatusCode.ERROR),
    ]
    assert dict(spans[1].attributes or {})["error.type"] == error
    assert dict(spans[2].attributes or {}) == server(
        "/broken", 500, "/broken", **{"error.type": error}
    )
    (log,) = recorded.logs.get_finished_logs()
    record = log.log_record
    attributes = dict(record.attributes or {})
    assert (record.severity_text, record.body, record.event_name) == (
        "ERROR",
        "Unhandled exception in FastAPI request",
        "http.server.request.exception",
    )
    assert str(attributes.pop("exception.stacktrace")).startswith("Traceback")
    assert attributes == {
        "exception.type": error,
        "exception.message": "no",
        "http.route": "/broken",
    }


def test_validation_failures_are_logged_not_errors(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)

    @app.get("/items/{x}")
    def item(x: int, y: int) -> int:
        return x

    assert client_for(app).get("/items/a").status_code == 422
    assert [(span.name, span.status.status_code) for span in recorded.finished()] == [
        ("fastapi.dependencies", StatusCode.UNSET),
        ("GET /items/{x}", StatusCode.UNSET),
    ]
    (log,) = recorded.logs.get_finished_logs()
    record = log.log_record
    assert (record.severity_text, record.body, record.event_name) == (
        "WARN",
        "Request validation failed",
        "fastapi.validation.failed",
    )
    assert dict(record.attributes or {}) == {
        "fastapi.validation.error_count": 2,
        "http.route": "/items/{x}",
    }


def test_metrics(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)

    @app.get("/x")
    def x() -> int:
        return 1

    client = client_for(app)
    client.get("/x")
    client.post("/x")
    assert recorded.points("http.server.active_requests") == [
        {"url.scheme": "http", "http.request.method": "GET"},
        {"url.scheme": "http", "http.request.method": "POST"},
    ]
    common = {"url.scheme": "http", "network.protocol.version": "1.1", "http.route": "/x"}
    assert recorded.points("http.server.request.duration") == [
        {**common, "http.request.method": "GET", "http.response.status_code": 200},
        {**common, "http.request.method": "POST", "http.response.status_code": 405},
    ]


def test_exclude_and_switches(recorded: Recorded, client_for: Client) -> None:
    config = {**recorded.config, "exclude": lambda scope: scope["path"] == "/health"}
    app = FastAPI(telemetry={**config, "operation_spans": False, "metrics": False})

    @app.get("/health")
    def health() -> str:
        return "ok"

    @app.get("/x")
    def x() -> str:
        return "x"

    client = client_for(app)
    client.get("/health")
    assert recorded.finished() == []
    client.get("/x")
    assert recorded.named() == [("GET /x", server("/x", 200, "/x"))]
    assert recorded.points("http.server.request.duration") == []


def test_telemetry_data_of_the_current_request(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)
    seen: list[TelemetryData | None] = []

    @app.post("/items")
    def create(item: dict[str, int], q: int = 0) -> int:
        seen.append(get_telemetry_data())
        return q

    client_for(app).post("/items?q=2", json={"a": 1})
    (data,) = seen
    assert data is not None
    assert data.request is not None
    assert (data.body, data.values, data.errors) == ({"a": 1}, {"item": {"a": 1}, "q": 2}, [])
    assert get_telemetry_data() is None


def test_streams_record_only_their_dependencies(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)

    @app.get("/lines")
    def lines() -> Iterator[int]:
        yield 1

    @app.get("/events", response_class=EventSourceResponse)
    async def events() -> AsyncIterator[int]:
        yield 1

    client = client_for(app)
    client.get("/lines")
    assert [name for name, _ in recorded.named()] == ["fastapi.dependencies", "GET /lines"]
    client.get("/events")
    assert [name for name, _ in recorded.named()] == ["fastapi.dependencies", "GET /events"]


def test_mounted_apps_and_websockets(recorded: Recorded, client_for: Client) -> None:
    app = FastAPI(telemetry=recorded.config)
    sub = FastAPI()

    @sub.get("/s/{y}")
    def item(y: str) -> str:
        return y

    @app.websocket("/ws")
    async def ws(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("hi")
        await websocket.close()

    app.mount("/sub", sub)
    client = client_for(app)
    client.get("/sub/s/a")
    assert recorded.named()[-1] == ("GET /sub/s/{y}", server("/sub/s/a", 200, "/sub/s/{y}"))
    with client.websocket_connect("/ws") as websocket:
        assert websocket.receive_text() == "hi"
    assert recorded.named()[-1] == (
        "WS /ws",
        {
            "server.address": "testserver",
            "server.port": 80,
            "url.scheme": "ws",
            "network.protocol.name": "websocket",
            "http.route": "/ws",
        },
    )


def _middleware_classes(app: Any) -> list[type]:
    """The classes of the stack the app served the last request with."""
    classes: list[type] = []
    node = app._served_stack
    while node is not None and len(classes) < 20:
        classes.append(type(node))
        node = getattr(node, "app", None)
    return classes


def test_inert_without_a_provider(client_for: Client) -> None:
    app = FastAPI()
    seen: list[TelemetryData | None] = []

    @app.get("/")
    def root() -> None:
        seen.append(get_telemetry_data())

    client_for(app).get("/")
    assert seen == [None]
    assert TelemetryMiddleware not in _middleware_classes(app)


def test_auto_configure_with_unsupported_exporters_records_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "zipkin")
    monkeypatch.setenv("OTEL_METRICS_EXPORTER", "none")
    monkeypatch.setenv("OTEL_LOGS_EXPORTER", "none")
    with caplog.at_level(logging.ERROR, logger="fastslim.telemetry"):
        assert _telemetry.resolve({}) is None
    assert "supports only the OTLP exporter: OTEL_TRACES_EXPORTER='zipkin'" in caplog.text
    assert _telemetry.resolve({"auto_configure": False}) is None


BLOCKED = """
import importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, Block())
from fastslim_routing import FastAPI
from fastslim_testclient import TestClient, WebSocketDisconnect

app = FastAPI()
app.get("/")(lambda: 1)
assert TestClient(app).get("/").json() == 1
assert "opentelemetry" not in sys.modules
try:
    FastAPI(telemetry={})
except ImportError as exc:
    print(exc)
"""


def test_without_opentelemetry_telemetry_is_off_and_asking_for_it_fails() -> None:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(BLOCKED)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == (
        "FastAPI(telemetry=...) needs OpenTelemetry's API, which is not installed: "
        "pip install 'fastslim-routing[telemetry]' (or 'fastslim[telemetry]')."
    )


def test_websocket_validation_and_stream_failures_are_logged(
    recorded: Recorded, client_for: Client
) -> None:
    app = FastAPI(telemetry=recorded.config)

    @app.websocket("/ws")
    async def ws(websocket: WebSocket, n: int) -> None:
        await websocket.accept()

    @app.get("/lines")
    def lines() -> Iterator[int]:
        yield 1
        raise RuntimeError("mid-stream")

    client = client_for(app, raise_server_exceptions=False)
    with pytest.raises(WebSocketDisconnect), client.websocket_connect("/ws?n=x") as websocket:
        websocket.receive_text()
    assert client.get("/lines").content == b"1\n"
    spans = recorded.finished()
    assert [(span.name, span.status.status_code) for span in spans] == [
        ("fastapi.dependencies", StatusCode.UNSET),
        ("WS /ws", StatusCode.UNSET),
        ("fastapi.dependencies", StatusCode.UNSET),
        ("GET /lines", StatusCode.ERROR),
    ]
    assert dict(spans[-1].attributes or {})["http.response.status_code"] == 200
    logs = [log.log_record for log in recorded.logs.get_finished_logs()]
    routes = [dict(record.attributes or {}).get("http.route") for record in logs]
    assert list(zip([record.event_name for record in logs], routes, strict=True)) == [
        ("fastapi.validation.failed", "/ws"),
        ("http.server.request.exception", "/lines"),
    ]


def test_custom_route_classes_and_the_order_of_values(
    recorded: Recorded, client_for: Client
) -> None:
    class Marked(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            original = super().get_route_handler()

            async def handler(request: Request) -> Response:
                response = await original(request)
                response.headers["x-marked"] = "1"
                return response

            return handler

    app = FastAPI(telemetry=recorded.config)
    router = APIRouter(route_class=Marked)
    seen: list[TelemetryData | None] = []

    @router.post("/marked/{x}")
    def marked(body: dict[str, int], x: int, d: Annotated[int, Depends(dependency)]) -> None:
        seen.append(get_telemetry_data())

    app.include_router(router)
    response = client_for(app).post("/marked/2", json={"a": 1})
    assert response.headers["x-marked"] == "1"
    assert [name for name, _ in recorded.named()] == [
        "fastapi.dependencies",
        "fastapi.endpoint",
        "fastapi.serialization",
        "POST /marked/{x}",
    ]
    (data,) = seen
    assert data is not None
    assert list(data.values or {}) == ["d", "x", "body"]


def test_auto_configure_uses_the_exporters_of_the_environment(
    recorded: Recorded, monkeypatch: pytest.MonkeyPatch, client_for: Client
) -> None:
    from fastslim_routing._telemetry import _otlp as _telemetry_otlp

    signals = dict(_telemetry_otlp._SIGNALS)
    tracer_provider = recorded.config["tracer_provider"]
    signals["tracer_provider"] = ("OTEL_TRACES_EXPORTER", lambda: tracer_provider)
    monkeypatch.setattr(_telemetry_otlp, "_SIGNALS", signals)
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    monkeypatch.setenv("OTEL_METRICS_EXPORTER", "none")
    monkeypatch.setenv("OTEL_LOGS_EXPORTER", "none")
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "false")
    app = FastAPI(telemetry={"auto_configure": True})  # explicit wins over the variable

    @app.get("/x")
    def x() -> int:
        return 1

    client_for(app).get("/x")
    assert [name for name, _ in recorded.named()][-1] == "GET /x"


def test_a_contrib_opentelemetry_middleware_turns_built_in_telemetry_off(
    recorded: Recorded, client_for: Client
) -> None:
    class OpenTelemetryMiddleware:
        def __init__(self, app: Any) -> None:
            self.app = app

        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            await self.app(scope, receive, send)

    app = FastAPI(telemetry=recorded.config)
    app.add_middleware(OpenTelemetryMiddleware)

    @app.get("/x")
    def x() -> int:
        return 1

    client_for(app).get("/x")
    assert recorded.finished() == []
    assert TelemetryMiddleware not in _middleware_classes(app)


def test_a_contrib_middleware_wrapping_the_built_stack_turns_built_in_telemetry_off(
    recorded: Recorded, client_for: Client
) -> None:
    # FastAPIInstrumentor.instrument_app replaces build_middleware_stack: the stack is
    # wrapped (ServerErrorMiddleware -> OpenTelemetryMiddleware -> ...) after it is built.
    class OpenTelemetryMiddleware:
        def __init__(self, app: Any) -> None:
            self.app = app

        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            await self.app(scope, receive, send)

    class Outer(OpenTelemetryMiddleware):
        pass

    wrapped = FastAPI(telemetry=recorded.config)
    plain = FastAPI(telemetry=recorded.config)
    for app in (wrapped, plain):

        @app.get("/x")
        def x() -> int:
            return 1

    build = wrapped.build_middleware_stack
    wrapped.build_middleware_stack = lambda: Outer(OpenTelemetryMiddleware(build()))  # type: ignore[method-assign]
    client_for(wrapped).get("/x")
    assert recorded.finished() == []
    client_for(plain).get("/x")  # an app of its own keeps its telemetry
    assert [name for name, _ in recorded.named()][-1] == "GET /x"


def test_a_stack_assigned_again_gets_the_telemetry_again(
    recorded: Recorded, client_for: Client
) -> None:
    # FastAPIInstrumentor.uninstrument_app assigns `middleware_stack` a new stack built
    # without its middleware: the app's own telemetry records again.
    class OpenTelemetryMiddleware:
        def __init__(self, app: Any) -> None:
            self.app = app

        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            await self.app(scope, receive, send)

    app = FastAPI(telemetry=recorded.config)

    @app.get("/x")
    def x() -> int:
        return 1

    plain = app.build_middleware_stack
    app.build_middleware_stack = lambda: OpenTelemetryMiddleware(plain())  # type: ignore[method-assign]
    client = client_for(app)
    client.get("/x")
    assert recorded.finished() == []
    assert TelemetryMiddleware not in _middleware_classes(app)
    app.middleware_stack = plain()
    client.get("/x")
    assert [name for name, _ in recorded.named()][-1] == "GET /x"
    assert _middleware_classes(app)[0] is TelemetryMiddleware
