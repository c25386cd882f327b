"""`_stream`: generator path operations as JSON Lines and raw streams (FASTAPI-FACTS 5).

Each case was observed on FastAPI 0.165.0 first.
"""

import functools
import math
import time
import typing
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Generator,
    Iterable,
    Iterator,
)
from typing import Annotated, Any

import anyio
import pytest
from pydantic import BaseModel, ConfigDict, Field

from fastslim_routing import BackgroundTasks, Depends, FastAPI, HTTPException, Response
from fastslim_routing.exceptions import FastAPIError, ResponseValidationError
from fastslim_routing.responses import JSONResponse, PlainTextResponse, StreamingResponse
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Item(BaseModel):
    name: str
    price: float
    tax: float | None = None


class Aliased(BaseModel):
    name: str
    price: float = Field(alias="Price", default=0)


class Strings(BaseModel):
    model_config = ConfigDict(ser_json_inf_nan="strings")
    x: float


def test_typed_items_are_validated_and_dumped_compactly(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/async")
    async def typed() -> AsyncIterable[Item]:
        yield Item(name="a", price=1)
        yield {"name": "b", "price": "2", "extra": 1}  # type: ignore[misc]

    @app.post("/sync", status_code=201)
    def sync() -> Iterator[str]:
        yield "\u00e9"

    response = client_for(app).get("/async")
    assert (response.status_code, response.headers["content-type"]) == (200, "application/jsonl")
    assert response.content == (
        b'{"name":"a","price":1.0,"tax":null}\n{"name":"b","price":2.0,"tax":null}\n'
    )
    response = client_for(app).post("/sync")
    assert (response.status_code, response.content) == (201, b'"\xc3\xa9"\n')


@pytest.mark.parametrize(
    "annotation",
    [
        Iterable[Item],
        Iterator[Item],
        Generator[Item, None, None],
        AsyncIterable[Item],
        AsyncIterator[Item],
        AsyncGenerator[Item, None],
    ],
)
def test_every_stream_annotation_gives_the_item_type(client_for: Client, annotation: Any) -> None:
    app = FastAPI()
    if "Async" in repr(annotation):

        async def endpoint() -> Any:
            yield {"name": "a", "price": 1, "extra": 0}

    else:

        def endpoint() -> Any:
            yield {"name": "a", "price": 1, "extra": 0}

    endpoint.__annotations__["return"] = annotation
    app.get("/")(endpoint)
    assert client_for(app).get("/").content == b'{"name":"a","price":1.0,"tax":null}\n'


def test_dump_options_apply_to_typed_items(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/none", response_model_exclude_none=True)
    async def none() -> AsyncGenerator[Item, None]:
        yield Item(name="a", price=1)

    @app.get("/alias")
    def alias() -> Iterator[Aliased]:
        yield Aliased(name="a", Price=1)

    @app.get("/plain", response_model_by_alias=False, response_model_exclude={"name"})
    def plain() -> Iterator[Aliased]:
        yield Aliased(name="a", Price=1)

    @app.get("/unset", response_model_exclude_unset=True)
    def unset() -> Iterator[Item]:
        yield {"name": "a", "price": 1}  # type: ignore[misc]

    client = client_for(app)
    assert client.get("/none").content == b'{"name":"a","price":1.0}\n'
    assert client.get("/alias").content == b'{"name":"a","Price":1.0}\n'
    assert client.get("/plain").content == b'{"price":1.0}\n'
    assert client.get("/unset").content == b'{"name":"a","price":1.0}\n'


def test_untyped_items_are_dumped_as_json_dumps_does_with_null_for_non_finite(
    client_for: Client,
) -> None:
    app = FastAPI()

    @app.get("/")
    async def untyped() -> Any:
        yield {"a": 1, "b": [1, 2]}
        yield "\u00e9"
        yield float("nan")
        yield {"x": float("inf"), float("inf"): 1, float("nan"): 2, None: [float("-inf")]}
        yield Item(name="a", price=1)

    @app.get("/strings")
    def strings() -> Iterator[Strings]:
        yield Strings(x=math.nan)

    client = client_for(app)
    assert client.get("/").content == (
        b'{"a": 1, "b": [1, 2]}\n"\\u00e9"\nnull\n'
        b'{"x": null, "Infinity": 1, "NaN": 2, "null": [null]}\n'
        b'{"name": "a", "price": 1.0, "tax": null}\n'
    )
    assert client.get("/strings").content == b'{"x":"NaN"}\n'


def test_response_model_is_ignored_for_generators(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/int", response_model=int)
    def as_int() -> Iterator[Item]:
        yield Item(name="a", price=1)

    @app.get("/none", response_model=None)
    def as_none() -> Iterator[Item]:
        yield Item(name="a", price=1)

    client = client_for(app)
    untyped = b'{"name": "a", "price": 1.0, "tax": null}\n'
    assert client.get("/int").content == untyped
    assert client.get("/none").content == untyped


def test_a_stream_annotation_without_argument_dumps_any_item_compactly(
    client_for: Client,
) -> None:
    app = FastAPI()

    @app.get("/")
    async def bare() -> typing.AsyncIterator:  # type: ignore[type-arg]
        yield {"a": float("nan")}

    assert client_for(app).get("/").content == b'{"a":null}\n'


def test_a_bare_abc_annotation_is_refused_as_a_response_field() -> None:
    app = FastAPI()

    def endpoint() -> Iterator:  # type: ignore[type-arg]
        yield 1

    with pytest.raises(FastAPIError, match="Invalid args for response field"):
        app.get("/")(endpoint)


def test_an_invalid_item_ends_the_stream_with_a_server_error(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/")
    def bad() -> Iterator[Item]:
        yield Item(name="a", price=1)
        yield {"name": "x"}  # type: ignore[misc]

    response = client_for(app, raise_server_exceptions=False).get("/")
    assert (response.status_code, response.content) == (
        200,
        b'{"name":"a","price":1.0,"tax":null}\n',
    )
    with pytest.raises(ResponseValidationError) as caught:
        client_for(app).get("/")
    assert caught.value.errors() == [
        {
            "type": "missing",
            "loc": ("response", "price"),
            "msg": "Field required",
            "input": {"name": "x"},
        }
    ]


def test_a_generator_exception_leaves_a_partial_body(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/")
    async def boom() -> AsyncIterator[int]:
        yield 1
        raise RuntimeError("boom")

    response = client_for(app, raise_server_exceptions=False).get("/")
    assert (response.status_code, response.content) == (200, b"1\n")
    with pytest.raises(RuntimeError, match="boom"):
        client_for(app).get("/")


def test_status_and_headers_from_the_route_or_a_dependency(client_for: Client) -> None:
    app = FastAPI()

    def dep(response: Response) -> None:
        response.status_code = 202
        response.headers["x-dep"] = "1"

    @app.get("/dep", dependencies=[Depends(dep)], status_code=201)
    def from_dep() -> Iterator[int]:
        yield 1

    @app.get("/empty", status_code=201)
    def empty() -> Iterator[int]:
        yield from ()

    client = client_for(app)
    response = client.get("/dep")
    assert (response.status_code, response.headers["x-dep"], response.content) == (202, "1", b"1\n")
    assert (client.get("/empty").status_code, client.get("/empty").content) == (201, b"")


def test_raw_streams_with_a_streaming_response_class(client_for: Client) -> None:
    app = FastAPI()

    class CSV(StreamingResponse):
        media_type = "text/csv"

    @app.get("/raw", response_class=StreamingResponse)
    def raw() -> Iterator[str]:
        yield "a"
        yield b"b"  # type: ignore[misc]

    @app.get("/csv", response_class=CSV, status_code=203)
    async def csv() -> Any:
        yield "a,b\n"

    client = client_for(app)
    response = client.get("/raw")
    assert (response.content, "content-type" in response.headers) == (b"ab", False)
    response = client.get("/csv")
    assert (response.status_code, response.headers["content-type"], response.content) == (
        203,
        "text/csv; charset=utf-8",
        b"a,b\n",
    )


def test_a_response_class_that_does_not_stream_gets_the_generator(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/plain", response_class=PlainTextResponse)
    def plain() -> Any:
        yield "a"

    @app.get("/json", response_class=JSONResponse)
    def as_json() -> Any:
        yield 1

    client = client_for(app, raise_server_exceptions=False)
    assert client.get("/plain").status_code == 500
    assert client.get("/json").status_code == 500
    with pytest.raises(AttributeError, match="'generator' object has no attribute 'encode'"):
        client_for(app).get("/plain")


def test_partial_and_callable_generators_stream(client_for: Client) -> None:
    app = FastAPI()

    def numbers(start: int) -> Iterator[int]:
        yield start

    class Numbers:
        async def __call__(self) -> AsyncIterator[int]:
            yield 7

    app.get("/partial")(functools.partial(numbers, 3))
    app.get("/callable")(Numbers())
    client = client_for(app)
    assert client.get("/partial").content == b"3\n"
    assert client.get("/callable").content == b"7\n"


def test_a_non_generator_returning_an_iterable_is_a_json_array(client_for: Client) -> None:
    app = FastAPI()

    @app.get("/")
    def listed() -> Iterable[int]:
        return [1, 2]

    response = client_for(app).get("/")
    assert (response.headers["content-type"], response.content) == ("application/json", b"[1,2]")


EVENTS: list[str] = []


def function_dep() -> Iterator[str]:
    EVENTS.append("setup function")
    yield "f"
    EVENTS.append("teardown function")


async def request_dep() -> AsyncIterator[str]:
    EVENTS.append("setup request")
    try:
        yield "r"
    except BaseException as exc:
        EVENTS.append(f"request got {type(exc).__name__}")
        raise
    finally:
        EVENTS.append("teardown request")


Function = Annotated[str, Depends(function_dep, scope="function")]
Request = Annotated[str, Depends(request_dep)]


def lifecycle_app() -> FastAPI:
    app = FastAPI()

    @app.get("/async")
    async def stream(tasks: BackgroundTasks, f: Function, r: Request) -> AsyncIterator[int]:
        EVENTS.append("endpoint")
        tasks.add_task(EVENTS.append, "task")
        for i in range(2):
            EVENTS.append(f"yield {i}")
            yield i

    @app.get("/sync", response_class=StreamingResponse)
    def sync(tasks: BackgroundTasks, f: Function, r: Request) -> Iterator[str]:
        EVENTS.append("endpoint")
        tasks.add_task(EVENTS.append, "task")
        for i in range(2):
            EVENTS.append(f"yield {i}")
            yield str(i)

    return app


@pytest.mark.parametrize("path", ["/async", "/sync"])
def test_scopes_and_background_tasks_around_a_stream(client_for: Client, path: str) -> None:
    EVENTS.clear()
    assert client_for(lifecycle_app()).get(path).status_code == 200
    assert EVENTS == [
        "setup function",
        "setup request",
        "teardown function",
        "endpoint",
        "yield 0",
        "yield 1",
        "task",
        "teardown request",
    ]


def test_an_exception_mid_stream_reaches_the_request_scope(client_for: Client) -> None:
    app = FastAPI()
    EVENTS.clear()

    @app.get("/")
    async def fails(r: Request) -> AsyncIterator[int]:
        yield 1
        raise HTTPException(400)

    with pytest.raises(RuntimeError, match="response already started"):
        client_for(app).get("/")
    assert EVENTS == ["setup request", "request got HTTPException", "teardown request"]


def endless_app() -> FastAPI:
    app = FastAPI()

    @app.get("/async")
    async def forever(f: Function, r: Request) -> AsyncIterator[int]:
        i = 0
        try:
            while True:
                yield i
                i += 1
                await anyio.sleep(0.001)
        finally:
            EVENTS.append("generator closed")

    @app.get("/sync")
    def sync_forever(r: Request) -> Iterator[int]:
        i = 0
        try:
            while True:
                yield i
                i += 1
                time.sleep(0.001)
        finally:
            EVENTS.append("generator closed")

    @app.get("/raw", response_class=StreamingResponse)
    async def raw(r: Request) -> AsyncIterator[str]:
        try:
            while True:
                yield "x"  # the client's reading paces this one
        finally:
            EVENTS.append("generator closed")

    return app


@pytest.mark.parametrize("path", ["/async", "/sync", "/raw"])
def test_a_client_that_disconnects_closes_the_generator_before_the_cleanups(
    client_for: Client, path: str
) -> None:
    EVENTS.clear()
    with client_for(endless_app()).stream("GET", path) as response:
        chunks = response.iter_bytes()
        assert next(chunks)
        assert next(chunks)
    # Leaving the block disconnected the client and waited for the app to end.
    closed = EVENTS.index("generator closed")
    assert EVENTS[-1] == "teardown request"
    assert closed < len(EVENTS) - 1
    assert EVENTS.count("generator closed") == 1
