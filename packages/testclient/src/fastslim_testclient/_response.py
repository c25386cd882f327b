"""Turn an `HTTPExchange` into the `httpx.Response` a test receives."""

from __future__ import annotations

import httpx

from ._errors import ASGIProtocolError
from ._exchange import HTTPExchange


def started_response(
    exchange: HTTPExchange,
    request: httpx.Request,
    stream: httpx.SyncByteStream | httpx.AsyncByteStream,
) -> httpx.Response:
    """The response of an app that sent `http.response.start`, body still to read."""
    response = httpx.Response(
        exchange.status_code, headers=exchange.headers, stream=stream, request=request
    )
    response.extensions["http.response.trailers"] = exchange.trailers
    if exchange.debug_info is not None:
        info = exchange.debug_info
        response.extensions["http.response.debug"] = info
        if "template" in info:
            response.template = info["template"]  # type: ignore[attr-defined]
        if "context" in info:
            response.context = info["context"]  # type: ignore[attr-defined]
    return response


def unstarted_response(
    exchange: HTTPExchange, request: httpx.Request, *, raise_server_exceptions: bool
) -> httpx.Response:
    """The outcome of an app that returned without starting a response.

    With `raise_server_exceptions` the app's exception is raised (or, if it
    raised none, an `ASGIProtocolError`); otherwise the client gets an empty 500.
    """
    if raise_server_exceptions:
        if exchange.exception is not None:
            raise exchange.exception
        raise ASGIProtocolError(
            f"The app returned without sending a response to {request.method} {request.url}."
        )
    return httpx.Response(500, headers=[], content=b"", request=request)
