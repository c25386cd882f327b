"""The exceptions a test client raises on behalf of the app under test."""

from __future__ import annotations

import httpx


class ASGIProtocolError(AssertionError):
    """The app broke the ASGI protocol (a test failure, hence an `AssertionError`)."""


class AppTimeout(httpx.ReadTimeout):
    """The app did not answer within the request's read timeout.

    An `httpx.ReadTimeout`, so `except httpx.TimeoutException` catches it.
    `request` is the request that timed out and `timeout` its read timeout in
    seconds. By then the app has received `http.disconnect` and was cancelled.
    """

    def __init__(self, message: str, *, request: httpx.Request, timeout: float) -> None:
        super().__init__(message, request=request)
        self.timeout = timeout


class ClientUsageError(RuntimeError):
    """A test client or WebSocket session was used in a way it does not support.

    Entering a client twice, leaving or using one that is not open, a mode that
    needs `async with`, or a subclass whose handshake never reached the
    client's transport. A `RuntimeError`, as Starlette raises for these.
    """


class LifespanFailed(RuntimeError):
    """The app reported `lifespan.startup.failed` or `lifespan.shutdown.failed`."""

    def __init__(self, phase: str, message: str) -> None:
        self.phase = phase
        self.message = message
        detail = f": {message}" if message else " without a message"
        super().__init__(f"The app reported that lifespan {phase} failed{detail}.")


class WebSocketDisconnect(Exception):
    """The server closed the WebSocket (or never accepted it)."""

    def __init__(self, code: int = 1000, reason: str | None = None) -> None:
        self.code = code
        self.reason = reason or ""
        super().__init__(code, self.reason)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, reason={self.reason!r})"


class WebSocketDenialResponse(httpx.Response, WebSocketDisconnect):  # type: ignore[misc]
    """The app denied the WebSocket handshake with an HTTP response.

    Sent through the ASGI "websocket.http.response" extension. The exception is
    the response itself: check `.status_code`, `.headers`, `.text` or `.json()`.
    Its WebSocket close code is 1006 (the handshake never completed).
    """

    def __init__(
        self, status_code: int, headers: list[tuple[bytes, bytes]], content: bytes
    ) -> None:
        httpx.Response.__init__(self, status_code, headers=headers, content=content)
        WebSocketDisconnect.__init__(self, 1006, f"HTTP {status_code}")

    def __str__(self) -> str:
        return f"The app denied the WebSocket connection with HTTP {self.status_code}."

    def __repr__(self) -> str:
        return f"<WebSocketDenialResponse [{self.status_code}]>"
