"""The default exception handlers: bodies, headers and status codes as FastAPI's."""

from __future__ import annotations

import datetime
import json
from collections.abc import MutableMapping
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.routing import Route
from starlette.websockets import WebSocket

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
