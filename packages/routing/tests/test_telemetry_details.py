"""Telemetry details of FastAPI 0.165 (FASTAPI-FACTS section 14), with in-memory
exporters, on asyncio and trio: `get_telemetry_data(context)`, the request authority on
spans only, mount and include prefixes as templates, the log record of an unhandled
exception, propagated baggage. Compared with FastAPI in tests/compat (corpus app 332)."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from opentelemetry import baggage, trace
from opentelemetry import context as otel_context
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route
from starlette.websockets import WebSocketDisconnect

from fastslim_routing import APIRouter, BackgroundTasks, FastAPI, HTTPException
from fastslim_routing._telemetry._asgi import _parse_host
from fastslim_routing.telemetry import get_telemetry_data
from fastslim_routing.websockets import WebSocket
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Recorded:
    def __init__(self, **config: Any) -> None:
        self.spans = InMemorySpanExporter()
        tracer_provider = TracerProvider()
        tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.metrics = InMemoryMetricReader()
        self.logs = InMemoryLogRecordExporter()  # type: ignore[no-untyped-call]
        logger_provider = LoggerProvider()
        logger_provider.add_log_record_processor(SimpleLogRecordProcessor(self.logs))
        self.config: Any = {
            "tracer_provider": tracer_provider,
            "meter_provider": MeterProvider(metric_readers=[self.metrics]),
            "logger_provider": logger_provider,
            **config,
        }

    def servers(self) -> list[tuple[str, Any, Any]]:
        found = [
            (
                span.name,
                (span.attributes or {}).get("server.address"),
                (span.attributes or {}).get("server.port"),
            )
            for span in self.spans.get_finished_spans()
            if span.kind.name == "SERVER"
        ]
        self.spans.clear()
        return found


@pytest.mark.parametrize(
    ("host", "scheme", "expected"),
    [
        ("example.com:8443", "http", ("example.com", 8443)),
        ("example.com", "http", ("example.com", 80)),
        ("example.com", "https", ("example.com", 443)),
        ("example.com", "wss", ("example.com", 443)),
        ("[::1]:8080", "http", ("::1", 8080)),
        ("[::1]", "http", ("::1", 80)),
        ("a.com:0", "http", ("a.com", 0)),
        ("bad:port", "http", (None, None)),
        ("a.com:70000", "http", (None, None)),
        ("[::1", "http", (None, None)),
        ("", "http", (None, None)),
    ],
)
def test_the_authority_of_a_host_header(host: str, scheme: str, expected: Any) -> None:
    assert _parse_host(host, scheme) == expected


def test_authority_on_spans_only(client_for: Client) -> None:
    recorded = Recorded()
    app = FastAPI(telemetry=recorded.config)

    @app.get("/a")
    def endpoint() -> str:
        return "a"

    client = client_for(app)
    client.get("/a", headers={"host": "example.com:8443"})
    client.get("/a", headers={"host": "bad:port"})
    assert recorded.servers() == [("GET /a", "example.com", 8443), ("GET /a", None, None)]
    data = recorded.metrics.get_metrics_data()
    assert data is not None
    attributes = [
        dict(point.attributes or {})
        for resource in data.resource_metrics
        for scope in resource.scope_metrics
        for metric in scope.metrics
        for point in metric.data.data_points
    ]
    assert attributes
    assert not any("server.address" in point for point in attributes)


def test_mount_and_include_prefixes_are_templates(client_for: Client) -> None:
    recorded = Recorded()
    app = FastAPI(telemetry=recorded.config)
    sub = FastAPI()

    @sub.get("/items/{k}")
    def item(k: str) -> str:
        return k

    @sub.websocket("/ws/{k}")
    async def ws(websocket: WebSocket, k: str) -> None:
        await websocket.accept()
        await websocket.send_text(k)

    router = APIRouter()
    router.mount("/deep/{d}", sub)
    app.include_router(router, prefix="/api")
    app.mount("/tenants/{tenant}", sub)

    def plain(request: Request) -> PlainTextResponse:
        return PlainTextResponse("plain")

    app.mount("/starlette/{sid}", Starlette(routes=[Route("/s/{z}", plain)]))
    client = client_for(app)
    assert client.get("/tenants/acme/items/1").json() == "1"
    assert client.get("/api/deep/x/items/2").json() == "2"
    assert client.get("/starlette/1/s/2").text == "plain"
    with client.websocket_connect("/tenants/acme/ws/k") as session:
        assert session.receive_text() == "k"
    assert [name for name, *_ in recorded.servers()] == [
        "GET /tenants/{tenant}/items/{k}",
        "GET /api/deep/{d}/items/{k}",
        "GET /starlette/{sid}/{path}",  # a plain Starlette app's route: the mount, as FastAPI
        "WS /tenants/{tenant}/ws/{k}",
    ]
    proxied = client_for(app, root_path="/proxy")
    assert proxied.get("/proxy/tenants/acme/items/3").json() == "3"
    assert [name for name, *_ in recorded.servers()] == ["GET /proxy/tenants/{tenant}/items/{k}"]


def test_data_lives_in_the_opentelemetry_context_while_handled(client_for: Client) -> None:
    recorded = Recorded(exclude=lambda scope: scope["path"] == "/excluded")
    app = FastAPI(telemetry=recorded.config)
    saved: list[Any] = []

    @app.get("/data")
    def data() -> dict[str, Any]:
        context = otel_context.get_current()
        saved.append(context)
        current = get_telemetry_data()
        return {
            "same": current is not None and get_telemetry_data(context) is current,
            "baggage": dict(baggage.get_all()),
        }

    @app.get("/excluded")
    def excluded() -> bool:
        return get_telemetry_data() is None

    @app.get("/outer")
    async def outer() -> list[Any]:
        data = get_telemetry_data()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://inner") as inner:
            seen = (await inner.get("/excluded")).json()
        return [seen, get_telemetry_data() is data]

    client = client_for(app)
    split = [("baggage", "first=one"), ("baggage", "second=two")]
    assert client.get("/data", headers=split).json() == {
        "same": True,
        "baggage": {"first": "one", "second": "two"},
    }
    assert get_telemetry_data(saved[0]) is None  # kept after the request: empty
    assert client.get("/outer").json() == [True, True]
    assert get_telemetry_data() is None


def test_unhandled_exception_log_record(client_for: Client) -> None:
    recorded = Recorded()
    app = FastAPI(telemetry=recorded.config)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    @app.get("/missing")
    def missing() -> None:
        raise HTTPException(404)

    client = client_for(app, raise_server_exceptions=False)
    assert client.get("/boom").status_code == 500
    assert client.get("/missing").status_code == 404
    (log,) = recorded.logs.get_finished_logs()  # once; none for the handled 404
    record = log.log_record
    assert record.event_name == "http.server.request.exception"
    assert record.timestamp is not None
    assert isinstance(record.exception, RuntimeError)
    assert str(record.exception) == "boom"
    (span,) = [s for s in recorded.spans.get_finished_spans() if s.name == "GET /boom"]
    assert span.context is not None
    assert record.trace_id == span.context.trace_id
    assert record.span_id == span.context.span_id


@pytest.mark.parametrize(
    ("env", "method", "expected"),
    [
        (None, "QUERY", "QUERY"),
        (" QUERY , PROPFIND , ", "PROPFIND", "PROPFIND"),
        ("QUERY,PROPFIND", "GET", "_OTHER"),
        ("query", "QUERY", "_OTHER"),
        ("  ", "QUERY", "QUERY"),
    ],
)
def test_known_methods_from_the_environment(
    client_for: Client, monkeypatch: pytest.MonkeyPatch, env: str | None, method: str, expected: str
) -> None:
    if env is not None:
        monkeypatch.setenv("OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS", env)
    recorded = Recorded()
    app = FastAPI(telemetry=recorded.config)

    @app.api_route("/items/{value}", methods=[method])
    def endpoint(value: str) -> str:
        return value

    assert client_for(app).request(method, "/items/1").status_code == 200
    (span,) = recorded.spans.get_finished_spans()[-1:]
    assert (span.attributes or {})["http.request.method"] == expected
    assert span.name == ("HTTP" if expected == "_OTHER" else method) + " /items/{value}"


def test_without_tracing_no_span_at_all(client_for: Client) -> None:
    recorded = Recorded(tracing=False)
    app = FastAPI(telemetry=recorded.config)

    def job() -> None:
        pass

    @app.get("/tasks")
    def tasks(background: BackgroundTasks) -> bool:
        background.add_task(job)
        return get_telemetry_data() is not None

    assert client_for(app).get("/tasks").json() is True
    assert recorded.spans.get_finished_spans() == ()


def test_a_500_handler_runs_in_the_span_that_sees_the_exception(client_for: Client) -> None:
    recorded = Recorded()
    seen: list[bool] = []

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        span = trace.get_current_span()
        seen.append(span.is_recording())
        span.set_attribute("handled", True)
        return JSONResponse({"error": "handled"}, status_code=500)

    app = FastAPI(telemetry=recorded.config, exception_handlers={500: handler})

    @app.get("/")
    def endpoint() -> None:
        raise ValueError("endpoint failed")

    assert client_for(app, raise_server_exceptions=False).get("/").json() == {"error": "handled"}
    (span,) = [s for s in recorded.spans.get_finished_spans() if s.kind.name == "SERVER"]
    assert seen == [True]
    assert (span.attributes or {})["handled"] is True
    assert (span.attributes or {})["error.type"] == "ValueError"


@pytest.mark.parametrize(
    ("code", "failure"), [(1000, False), (1001, False), (1006, True), (4000, True)]
)
def test_a_client_closing_normally_is_not_a_failure(
    client_for: Client, code: int, failure: bool
) -> None:
    recorded = Recorded()
    app = FastAPI(telemetry=recorded.config)

    @app.websocket("/ws")
    async def ws(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.receive_text()  # the disconnect propagates out of the endpoint

    # The endpoint's exception reaches the test client, as the server's would.
    with pytest.raises(WebSocketDisconnect), client_for(app).websocket_connect("/ws") as session:
        session.close(code)
    spans = {span.name: span for span in recorded.spans.get_finished_spans()}
    statuses = {name: span.status.status_code.name for name, span in spans.items()}
    expected = "ERROR" if failure else "UNSET"
    assert statuses == {
        "fastapi.dependencies": "UNSET",
        "fastapi.endpoint": expected,
        "WS /ws": expected,
    }
    assert len(recorded.logs.get_finished_logs()) == (1 if failure else 0)


def test_the_global_tracer_provider_is_followed(
    client_for: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = Recorded(), Recorded()
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: first.config["tracer_provider"])
    app = FastAPI()  # telemetry from the global providers
    client = client_for(app)
    assert client.get("/").status_code == 404
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: second.config["tracer_provider"])
    assert client.get("/").status_code == 404
    assert [span.name for span in first.spans.get_finished_spans()] == ["GET"]
    assert [span.name for span in second.spans.get_finished_spans()] == ["GET"]


def test_frontend_spans_are_named_after_the_frontend(client_for: Client, tmp_path: Any) -> None:
    (tmp_path / "index.html").write_text("index")
    recorded = Recorded()
    app = FastAPI(telemetry=recorded.config)
    router = APIRouter()
    router.frontend("/ui", directory=tmp_path, fallback="index.html")
    app.include_router(router, prefix="/app")
    client = client_for(app)
    assert client.get("/app/ui/a/b", headers={"accept": "text/html"}).text == "index"
    # Only the server span: a frontend has no operation spans (FastAPI 0.165).
    assert [span.name for span in recorded.spans.get_finished_spans()] == ["GET /app/ui/{path}"]
