"""The default exception handlers, as `fastapi.exception_handlers` defines them.

Apps call them from their own handlers to keep the default answer after, for
example, logging the error.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.status import HTTP_422_UNPROCESSABLE_CONTENT, WS_1008_POLICY_VIOLATION
from starlette.websockets import WebSocket

from ._encoders import jsonable_encoder
from .exceptions import RequestValidationError, WebSocketRequestValidationError
from .utils import is_body_allowed_for_status_code

__all__ = (
    "http_exception_handler",
    "request_validation_exception_handler",
    "websocket_request_validation_exception_handler",
)


async def http_exception_handler(request: Request, exc: HTTPException) -> Response:
    """`{"detail": exc.detail}` as JSON, with `exc.status_code` and `exc.headers`.

    For a status that allows no body (1xx, 204, 205, 304) the response is empty
    and carries only `exc.headers`.
    """
    headers = getattr(exc, "headers", None)
    if not is_body_allowed_for_status_code(exc.status_code):
        return Response(status_code=exc.status_code, headers=headers)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


async def request_validation_exception_handler(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    """422 with `{"detail": [error, ...]}`, the errors passed through `jsonable_encoder`."""
    return JSONResponse(
        status_code=HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": jsonable_encoder(exc.errors())},
    )


async def websocket_request_validation_exception_handler(
    websocket: WebSocket, exc: WebSocketRequestValidationError
) -> None:
    """Close the WebSocket with code 1008 (policy violation).

    As FastAPI does, the close reason is the list of errors itself (after
    `jsonable_encoder`), not a string.
    """
    reason: Any = jsonable_encoder(exc.errors())
    await websocket.close(code=WS_1008_POLICY_VIOLATION, reason=reason)
