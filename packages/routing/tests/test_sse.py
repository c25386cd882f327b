"""`sse` and `_sse_stream`: server-sent events (FASTAPI-FACTS section 4).

The wire formats were observed on FastAPI 0.165.0 first.
"""

import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import Annotated, Any

import anyio
import pytest
from pydantic import BaseModel, Field, ValidationError

from fastslim_routing import BackgroundTasks, Depends, FastAPI, Response, responses
from fastslim_routing._serve import _sse_stream
from fastslim_routing.exceptions import ResponseValidationError
from fastslim_routing.sse import (
    KEEPALIVE_COMMENT,
    EventSourceResponse,
    ServerSentEvent,
    format_sse_event,
)
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]
SSE_HEADERS = {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
}


class Item(BaseModel):
    name: str
    price: float = Field(alias="Price", default=1)


def test_public_names() -> None:
    assert responses.EventSourceResponse is EventSourceResponse
    assert KEEPALIVE_COMMENT == b": ping\n\n"
    assert EventSourceResponse.media_type == "text/event-stream"


def test_format_sse_event_orders_fields_and_splits_lines() -> None:
    assert format_sse_event(data_str="a\nb", event="e", id="1", retry=5, comment="c\nd") == (
        b": c\n: d\nevent: e\ndata: a\ndata: b\nid: 1\nretry: 5\n\n"
    )
    assert format_sse_event(data_str="a\r\nb\rc\nd") == b"data: a\ndata: b\ndata: c\ndata: d\n\n"
    assert format_sse_event(comment="x") == b": x\n\n"
    assert format_sse_event() == b"\n"
    assert format_sse_event(data_str="", comment="") == b": \ndata: \n\n"
    assert format_sse_event(event="", id="", retry=0) == b"event: \nid: \nretry: 0\n\n"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"event": "a\nb"}, "SSE 'event' must be a single line"),
        ({"event": "a\rb"}, "SSE 'event' must be a single line"),
        ({"id": "a\nb"}, "SSE 'id' must be a single line"),
        ({"id": "a\0b"}, "SSE 'id' must not contain null characters"),
        ({"retry": 1.5}, "got a number with a fractional part"),
        ({"retry": -1}, "greater than or equal to 0"),
        ({"data": 1, "raw_data": "x"}, "Cannot set both 'data' and 'raw_data'"),
    ],
)
def test_server_sent_event_checks_its_fields(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ServerSentEvent(**fields)


def test_server_sent_event_accepts_what_pydantic_coerces() -> None:
    assert ServerSentEvent(retry="5").retry == 5  # type: ignore[arg-type]
    assert ServerSentEvent(retry=2.0).retry == 2  # type: ignore[arg-type]
    assert ServerSentEvent(comment="a\nb").comment == "a\nb"


def test_typed_items_are_validated_and_dumped_in_data(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/", response_class=EventSourceResponse)
    async def typed() -> AsyncIterable[Item]:
        yield Item(name="a")
        yield {"name": "b", "Price": "2", "x": 1}  # type: ignore[misc]
        yield ServerSentEvent(data=Item(name="c"), event="upd", id="7", retry=10, comment="hi")  # type: ignore[misc]

    @app.post("/sync", response_class=EventSourceResponse, status_code=201)
    def strings() -> Iterable[str]:
        yield "a\nb"

    response = client_for(app).get("/")
    assert (response.status_code, dict(response.headers)) == (200, SSE_HEADERS)
    assert response.content == (
        b'data: {"name":"a","Price":1.0}\n\ndata: {"name":"b","Price":2.0}\n\n'
        b': hi\nevent: upd\ndata: {"name":"c","price":1.0}\nid: 7\nretry: 10\n\n'
    )
    response = client_for(app).post("/sync")
    assert (response.status_code, response.content) == (201, b'data: "a\\nb"\n\n')


def test_untyped_items_and_event_data_as_json(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/", response_class=EventSourceResponse)
    def untyped() -> Any:
        yield {"a": 1}
        yield "hello"
        yield float("inf")
        yield Item(name="x")
        yield ServerSentEvent(data={"x": float("nan")})
        yield ServerSentEvent(raw_data="raw\nline")
        yield ServerSentEvent(comment="only")
        yield ServerSentEvent(data=b"x")
        yield ServerSentEvent()

    @app.get("/events", response_class=EventSourceResponse)
    def events() -> Iterator[ServerSentEvent]:
        yield {"data": 2}  # type: ignore[misc]

    client = client_for(app)
    assert client.get("/").content == (
        b'data: {"a": 1}\n\ndata: "hello"\n\ndata: null\n\ndata: {"name": "x", "Price": 1.0}\n\n'
        b'data: {"x": null}\n\ndata: raw\ndata: line\n\n: only\n\ndata: "x"\n\n\n'
    )
    assert client.get("/events").content == b'data: {"data": 2}\n\n'


def test_status_and_options_from_a_dependency_and_the_route(client_for: Client) -> None:
    app = FastAPI()

    def dep(response: Response) -> None:
        response.status_code = 299

    @app.get(
        "/",
        response_class=EventSourceResponse,
        dependencies=[Depends(dep)],
        response_model_exclude_unset=True,
        response_model_by_alias=False,
    )
    def endpoint() -> Iterator[Item]:
        yield {"name": "a"}  # type: ignore[misc]

    response = client_for(app).get("/")
    assert (response.status_code, response.content) == (299, b'data: {"name":"a"}\n\n')


def test_a_non_generator_endpoint_streams_what_it_returns(client_for: Client) -> None:
    app = FastAPI(default_response_class=EventSourceResponse)

    @app.get("/list")
    def listed() -> list[int]:
        return [1, 2]

    @app.get("/async")
    async def awaited() -> Any:
        async def items() -> AsyncIterator[str]:
            yield "a"

        return items()

    client = client_for(app)
    assert client.get("/list").content == b"data: 1\n\ndata: 2\n\n"
    assert client.get("/async").content == b'data: "a"\n\n'


def test_an_invalid_item_ends_the_stream_with_an_exception_group(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/", response_class=EventSourceResponse)
    def invalid() -> Iterator[Item]:
        yield {}  # type: ignore[misc]

    with pytest.raises(ExceptionGroup) as caught:
        client_for(app).get("/")
    assert [type(exc) for exc in caught.value.exceptions] == [ResponseValidationError]
    response = client_for(app, raise_server_exceptions=False).get("/")
    assert (response.status_code, response.content) == (200, b"")


def test_a_keep_alive_comment_after_an_idle_interval(
    client_for: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_sse_stream, "PING_INTERVAL", 0.05)
    app = FastAPI()

    @app.get("/", response_class=EventSourceResponse)
    async def slow() -> AsyncIterator[int]:
        yield 1
        await anyio.sleep(0.12)
        yield 2

    body = client_for(app).get("/").content
    assert body.startswith(b"data: 1\n\n: ping\n\n")
    assert body.endswith(b": ping\n\ndata: 2\n\n")
    assert body.count(KEEPALIVE_COMMENT) in (1, 2)


def test_no_keep_alive_while_events_flow(
    client_for: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_sse_stream, "PING_INTERVAL", 0.2)
    app = FastAPI()

    @app.get("/", response_class=EventSourceResponse)
    def steady() -> Iterator[int]:
        for i in range(5):
            time.sleep(0.05)
            yield i

    assert KEEPALIVE_COMMENT not in client_for(app).get("/").content


EVENTS: list[str] = []


async def request_dep() -> AsyncIterator[str]:
    EVENTS.append("setup request")
    try:
        yield "r"
    finally:
        # A client gone mid-stream may cancel the request: cleanups belong in `finally`.
        EVENTS.append("teardown request")


@pytest.mark.parametrize("sync", [False, True])
def test_a_disconnect_closes_the_generator_before_the_request_scope(
    client_for: Client, sync: bool
) -> None:
    EVENTS.clear()
    app = FastAPI()

    @app.get("/async", response_class=EventSourceResponse)
    async def endless(r: Annotated[str, Depends(request_dep)]) -> AsyncIterator[int]:
        try:
            i = 0
            while True:
                yield i
                i += 1
                await anyio.sleep(0.001)
        finally:
            EVENTS.append("generator closed")

    @app.get("/sync", response_class=EventSourceResponse)
    def endless_sync(r: Annotated[str, Depends(request_dep)]) -> Iterator[int]:
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            EVENTS.append("generator closed")

    with client_for(app).stream("GET", "/sync" if sync else "/async") as response:
        lines = response.iter_lines()
        assert next(lines) == "data: 0"
    assert EVENTS == ["setup request", "generator closed", "teardown request"]


def test_background_tasks_run_after_the_last_event(client_for: Client) -> None:
    EVENTS.clear()
    app = FastAPI()

    @app.get("/", response_class=EventSourceResponse)
    async def stream(tasks: BackgroundTasks) -> AsyncIterator[int]:
        tasks.add_task(EVENTS.append, "task")
        yield 1
        EVENTS.append("last event")

    assert client_for(app).get("/").content == b"data: 1\n\n"
    assert EVENTS == ["last event", "task"]
