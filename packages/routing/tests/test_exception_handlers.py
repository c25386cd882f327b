"""The default exception handlers: bodies, headers and status codes as FastAPI's."""

from __future__ import annotations

import datetime
import json
from collections.abc import MutableMapping
from typing import Any

import pytest
from pydantic import BaseModel, Field
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.routing import Route
from starlette.websockets import WebSocket

from fastslim_routing import FastAPI
from fastslim_routing.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
    websocket_request_validation_exception_handler,
)
from fastslim_routing.exceptions import (
    HTTPException,
    RequestValidationError,
    WebSocketRequestValidationError,
)
from fastslim_testclient import TestClient

pytestmark = pytest.mark.anyio


def make_request() -> Request:
    return Request(
        {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    )


async def test_http_exception_as_json() -> None:
    response = await http_exception_handler(make_request(), HTTPException(404))
    assert response.status_code == 404
    assert response.body == b'{"detail":"Not Found"}'
    assert response.headers["content-type"] == "application/json"


async def test_http_exception_keeps_its_headers_and_any_detail() -> None:
    exc = HTTPException(401, detail={"a": [1, None]}, headers={"WWW-Authenticate": "Bearer"})
    response = await http_exception_handler(make_request(), exc)
    assert response.status_code == 401
    assert json.loads(bytes(response.body)) == {"detail": {"a": [1, None]}}
    assert response.headers["www-authenticate"] == "Bearer"


async def test_starlette_http_exception_is_handled_too() -> None:
    response = await http_exception_handler(make_request(), StarletteHTTPException(403))
    assert (response.status_code, response.body) == (403, b'{"detail":"Forbidden"}')


@pytest.mark.parametrize("status_code", [204, 304, 100, 199])
async def test_no_body_for_bodiless_status_codes(status_code: int) -> None:
    exc = HTTPException(status_code, headers={"X-A": "b"})
    response = await http_exception_handler(make_request(), exc)
    assert (response.status_code, response.body) == (status_code, b"")
    assert dict(response.headers) == {"x-a": "b"}


async def test_205_has_an_empty_body_with_a_content_length() -> None:
    response = await http_exception_handler(make_request(), HTTPException(205))
    assert (response.body, response.headers["content-length"]) == (b"", "0")


async def test_request_validation_errors_as_a_422() -> None:
    errors = [{"loc": ("query", 1), "when": datetime.date(2020, 1, 2), "set": {1}}]
    response = await request_validation_exception_handler(
        make_request(), RequestValidationError(errors, body=b"x")
    )
    assert response.status_code == 422
    assert response.body == b'{"detail":[{"loc":["query",1],"when":"2020-01-02","set":[1]}]}'


async def test_websocket_validation_error_closes_with_1008() -> None:
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> MutableMapping[str, Any]:
        raise AssertionError("not called")

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    websocket = WebSocket({"type": "websocket", "path": "/ws", "headers": []}, receive, send)
    errors = [{"type": "missing", "loc": ("query", "q"), "msg": "Field required", "input": None}]
    exc = WebSocketRequestValidationError(errors)
    await websocket_request_validation_exception_handler(websocket, exc)
    # As FastAPI: the reason is the encoded error list itself.
    expected = [{"type": "missing", "loc": ["query", "q"], "msg": "Field required", "input": None}]
    assert sent == [{"type": "websocket.close", "code": 1008, "reason": expected}]


def test_handlers_in_an_app() -> None:
    def fail(request: Request) -> None:
        raise HTTPException(418, detail="teapot", headers={"X-Tea": "1"})

    def invalid(request: Request) -> None:
        raise RequestValidationError([{"loc": ("body",), "msg": "bad"}])

    handlers: dict[Any, Any] = {
        StarletteHTTPException: http_exception_handler,
        RequestValidationError: request_validation_exception_handler,
    }
    app = Starlette(
        routes=[Route("/fail", fail), Route("/invalid", invalid)], exception_handlers=handlers
    )
    with TestClient(app) as client:
        response = client.get("/fail")
        assert (response.status_code, response.json()) == (418, {"detail": "teapot"})
        assert response.headers["x-tea"] == "1"
        response = client.get("/invalid")
        assert (response.status_code, response.json()) == (
            422,
            {"detail": [{"loc": ["body"], "msg": "bad"}]},
        )


async def render_422(errors: list[Any]) -> Any:
    response = await request_validation_exception_handler(
        make_request(), RequestValidationError(errors)
    )
    assert response.status_code == 422
    return json.loads(bytes(response.body))


@pytest.mark.parametrize(
    ("value", "echoed"),
    [
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
        (float("nan"), "NaN"),
        (b"\xff\xfeok", "\\xff\\xfeok"),
        ([1.5, float("inf"), {"k": float("nan")}], [1.5, "Infinity", {"k": "NaN"}]),
        ("a\ud800b\udfff", "a\\ud800b\\udfff"),
        ({"\udc00": ["\ud83d"]}, {"\\udc00": ["\\ud83d"]}),
    ],
    ids=["inf", "-inf", "nan", "bytes-not-utf8", "nested", "lone-surrogates", "surrogate-key"],
)
async def test_an_input_json_cannot_carry_is_made_json_safe(value: Any, echoed: Any) -> None:
    # FastAPI answers 500 (its 422 cannot be rendered); fastslim keeps the 422.
    error = {"type": "less_than_equal", "loc": ["body", "p"], "msg": "m", "input": value}
    error["ctx"] = {"le": float("inf")}
    body = await render_422([error])
    assert body["detail"][0]["input"] == echoed
    assert body["detail"][0]["ctx"] == {"le": "Infinity"}


async def test_a_lone_surrogate_in_an_errors_loc_or_msg_is_escaped() -> None:
    error = {"type": "t", "loc": ("body", "\ud800", 3), "msg": "bad \udfff", "input": 1}
    [echoed] = (await render_422([error]))["detail"]
    assert (echoed["loc"], echoed["msg"]) == (["body", "\\ud800", 3], "bad \\udfff")


async def test_small_inputs_are_echoed_unchanged() -> None:
    error = {"type": "t", "loc": ["query", "q"], "msg": "m", "input": {"a": ["x" * 1000, 1]}}
    assert (await render_422([error]))["detail"] == [error]


async def test_the_echoed_input_is_cut_at_64_kib() -> None:
    huge = {
        "type": "list_type",
        "loc": ["body"],
        "msg": "Input should be a valid list",
        "input": {"a": "x" * 200_000, "b": list(range(100_000))},
    }
    response = await request_validation_exception_handler(
        make_request(), RequestValidationError([huge])
    )
    assert len(bytes(response.body)) < 70_000
    echoed = json.loads(bytes(response.body))["detail"][0]["input"]
    assert echoed["a"].endswith("...")
    assert len(echoed["a"]) < 65_540
    assert echoed["..."] == "..."  # the key "b" did not fit


async def test_the_budget_is_shared_by_every_error_of_a_response() -> None:
    errors = [
        {"type": "int_parsing", "loc": ["body", n], "msg": "m", "input": "y" * 1000, "ctx": {}}
        for n in range(1000)
    ]
    detail = (await render_422(errors))["detail"]
    assert len(detail) == 1000  # every error is kept
    assert detail[0]["input"] == "y" * 1000
    assert detail[-1]["input"] == "..."
    assert detail[-1]["ctx"] == {}  # never cut
    assert sum(len(error["input"]) for error in detail) < 70_000


class PricedItem(BaseModel):
    price: float = Field(gt=0, le=100)


@pytest.mark.parametrize("literal", [b"1e999", b"-1e999", b"NaN"])
def test_a_body_whose_invalid_value_is_not_finite_is_a_422(literal: bytes) -> None:
    app = FastAPI()

    @app.post("/items")
    def create(item: PricedItem) -> PricedItem:
        return item

    body = b'{"price": ' + literal + b"}"
    with TestClient(app) as client:
        response = client.post("/items", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "price"]
    assert response.json()["detail"][0]["input"] in {"Infinity", "-Infinity", "NaN"}


def test_a_body_whose_invalid_value_holds_a_lone_surrogate_is_a_422() -> None:
    # JSON may escape a lone surrogate ("\ud800"), which UTF-8 cannot encode: the 422
    # echoes it as the text \ud800 (FastAPI answers 500, its 422 cannot be rendered).
    app = FastAPI()

    @app.post("/items")
    def create(item: PricedItem) -> PricedItem:
        return item

    @app.post("/counts")
    def counts(body: dict[str, int]) -> dict[str, int]:
        return body

    with TestClient(app) as client:
        headers = {"content-type": "application/json"}
        response = client.post("/items", content=b'{"price": "\\ud800"}', headers=headers)
        by_key = client.post("/counts", content=b'{"\\udbff": "x"}', headers=headers)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["input"]) == (["body", "price"], "\\ud800")
    assert by_key.status_code == 422  # pydantic writes the key's surrogate as U+FFFD
    assert by_key.json()["detail"][0]["input"] == "x"
