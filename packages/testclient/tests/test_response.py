"""Turning an exchange into the `httpx.Response` a test receives."""

from __future__ import annotations

import http

import anyio
import httpx
import pytest

from fastslim_testclient import ASGIProtocolError
from fastslim_testclient._exchange import HTTPExchange
from fastslim_testclient._response import started_response, unstarted_response
from fastslim_testclient._types import Receive, Scope, Send

pytestmark = pytest.mark.anyio

REQUEST = httpx.Request("POST", "http://testserver/path")


async def run(app: object) -> HTTPExchange:
    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        await app(scope, receive, send)  # type: ignore[operator]

    exchange = HTTPExchange(asgi, {"type": "http"}, b"")
    async with anyio.create_task_group() as task_group:
        task_group.start_soon(exchange.run_app)
        await exchange.wait_started()
        while await exchange.receive_chunk() is not None:
            pass
    return exchange


async def test_a_started_response_has_status_headers_and_extensions() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.debug", "info": {"template": "page.html"}})
        await send({"type": "http.response.start", "status": 418, "headers": [(b"x-a", b"1")]})
        await send({"type": "http.response.body", "body": b""})

    exchange = await run(app)
    response = started_response(exchange, REQUEST, httpx.ByteStream(b"body"))
    assert response.status_code == 418
    assert response.headers["x-a"] == "1"
    assert response.request is REQUEST
    assert response.read() == b"body"
    assert response.extensions["http.response.trailers"] == []
    assert response.extensions["http.response.debug"] == {"template": "page.html"}
    assert response.template == "page.html"  # type: ignore[attr-defined]
    assert not hasattr(response, "context")


async def test_a_status_sent_as_an_http_status_stays_one() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": http.HTTPStatus.ACCEPTED})
        await send({"type": "http.response.body", "body": b""})

    response = started_response(await run(app), REQUEST, httpx.ByteStream(b""))
    assert response.status_code is http.HTTPStatus.ACCEPTED  # as Starlette's TestClient


async def test_an_unstarted_response_raises_the_apps_exception_or_gives_500() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise ArithmeticError("no response")

    exchange = await run(app)
    with pytest.raises(ArithmeticError, match="no response"):
        unstarted_response(exchange, REQUEST, raise_server_exceptions=True)
    response = unstarted_response(exchange, REQUEST, raise_server_exceptions=False)
    assert (response.status_code, response.content) == (500, b"")


async def test_an_app_that_returned_silently_is_a_protocol_error() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        pass

    exchange = await run(app)
    with pytest.raises(
        ASGIProtocolError,
        match=r"The app returned without sending a response to POST http://testserver/path\.",
    ):
        unstarted_response(exchange, REQUEST, raise_server_exceptions=True)
