"""The exceptions of the test clients."""

from __future__ import annotations

import httpx

from fastslim_testclient import (
    AppTimeout,
    ASGIProtocolError,
    LifespanFailed,
    WebSocketDenialResponse,
    WebSocketDisconnect,
)


def test_a_protocol_error_is_an_assertion_error() -> None:
    assert issubclass(ASGIProtocolError, AssertionError)


def test_websocket_disconnect_has_a_code_and_a_reason() -> None:
    error = WebSocketDisconnect(4000, "bye")
    assert (error.code, error.reason) == (4000, "bye")
    assert repr(error) == "WebSocketDisconnect(code=4000, reason='bye')"
    default = WebSocketDisconnect()
    assert (default.code, default.reason) == (1000, "")


def test_a_denial_is_both_a_response_and_a_disconnect() -> None:
    denial = WebSocketDenialResponse(403, [(b"content-type", b"text/plain")], b"no")
    assert isinstance(denial, httpx.Response)
    assert isinstance(denial, WebSocketDisconnect)
    assert denial.status_code == 403
    assert denial.text == "no"
    assert denial.code == 1006
    assert denial.reason == "HTTP 403"
    assert repr(denial) == "<WebSocketDenialResponse [403]>"
    assert str(denial) == "The app denied the WebSocket connection with HTTP 403."


def test_lifespan_failed_names_the_phase_and_the_message() -> None:
    error = LifespanFailed("shutdown", "disk full")
    assert isinstance(error, RuntimeError)
    assert (error.phase, error.message) == ("shutdown", "disk full")
    assert str(error) == "The app reported that lifespan shutdown failed: disk full."


def test_an_app_timeout_is_an_httpx_read_timeout_with_its_request_and_seconds() -> None:
    request = httpx.Request("GET", "http://testserver/hang")
    error = AppTimeout("The app did not answer.", request=request, timeout=1.5)
    assert isinstance(error, httpx.ReadTimeout)
    assert isinstance(error, httpx.TimeoutException)
    assert (error.request, error.timeout) == (request, 1.5)
    assert str(error) == "The app did not answer."
