"""`await request.body()` without Starlette's async generator.

Starlette's `Request.body()` reads through `Request.stream()`, an async generator
closed by `aclosing`: a generator object, the event loop's first-iteration hook
and a context manager for every request with a body. `read_body` reads the same
messages with a plain loop and leaves the request as `body()` would (the body
cached on it, the stream consumed, a disconnect recorded), with the same errors:
`ClientDisconnect` when the client went away, `RuntimeError("Stream consumed")`
when the stream was read already. A request class that defines `body()` or
`stream()` itself (FastAPI docs: Custom Request and APIRoute class) is read by its
own `body()`.
"""

from __future__ import annotations

from starlette.requests import ClientDisconnect, Request

_BODY = Request.body
_STREAM = Request.stream


async def read_body(request: Request) -> bytes:
    """The request body (`Request.body()`'s result, errors and side effects)."""
    cls = type(request)
    if cls.body is not _BODY or cls.stream is not _STREAM:
        return await request.body()
    found: bytes | None = request.__dict__.get("_body")
    if found is not None:
        return found
    if request._stream_consumed:
        raise RuntimeError("Stream consumed")
    chunks: list[bytes] = []
    while not request._stream_consumed:
        message = await request._receive()
        if message["type"] == "http.request":
            body = message.get("body", b"")
            if not message.get("more_body", False):
                request._stream_consumed = True
            if body:
                chunks.append(body)
        elif message["type"] == "http.disconnect":
            request._is_disconnected = True
            raise ClientDisconnect()
    request._body = body = b"".join(chunks)
    return body
