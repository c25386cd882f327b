"""The exceptions of fastslim, as `fastapi.exceptions` defines them.

`HTTPException` and `WebSocketException` are raised by application code to answer
with an error; the validation errors are raised by fastslim when a request, a
WebSocket message or a response does not validate, and carry the endpoint they
belong to (`EndpointContext`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, create_model
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.exceptions import WebSocketException as StarletteWebSocketException

import fastslim_di

from ._endpoint_context import EndpointContext as EndpointContext
from ._endpoint_context import endpoint_context as endpoint_context
from ._endpoint_context import format_endpoint_context

__all__ = (
    "DependencyScopeError",
    "EndpointContext",
    "FastAPIDeprecationWarning",
    "FastAPIError",
    "HTTPException",
    "PydanticV1NotSupportedError",
    "RequestErrorModel",
    "RequestValidationError",
    "ResponseValidationError",
    "ValidationException",
    "WebSocketErrorModel",
    "WebSocketException",
    "WebSocketRequestValidationError",
    "endpoint_context",
)


class HTTPException(StarletteHTTPException):
    """An error to answer with: `HTTPException(404, detail="Item not found")`.

    `status_code` is the HTTP status; `detail` any JSON-encodable value sent as
    `{"detail": ...}` (default: the status phrase, `""` for an unknown status);
    `headers` any mapping of header names to values added to the response.
    """

    detail: Any

    def __init__(
        self,
        status_code: int,
        detail: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status_code, detail=detail, headers=headers)


class WebSocketException(StarletteWebSocketException):
    """An error that closes a WebSocket: `WebSocketException(code=1008, reason="...")`.

    `code` is a close code (RFC 6455, section 7.4.1); `reason` a short text
    (`""` when None).
    """

    def __init__(self, code: int, reason: str | None = None) -> None:
        super().__init__(code=code, reason=reason)


class FastAPIError(RuntimeError):
    """A generic, FastAPI-specific error (misuse found at declaration time)."""


class DependencyScopeError(FastAPIError, fastslim_di.DependencyScopeError):
    """A dependency depends on another whose scope ends before its own.

    Also a `fastslim_di.DependencyScopeError`, so code catching either sees it.
    """


class PydanticV1NotSupportedError(FastAPIError):
    """A `pydantic.v1` model is used, which is no longer supported."""


class FastAPIDeprecationWarning(UserWarning):
    """A deprecation warning shown by default (unlike `DeprecationWarning`)."""


RequestErrorModel: type[BaseModel] = create_model("Request")
WebSocketErrorModel: type[BaseModel] = create_model("WebSocket")


class ValidationException(Exception):
    """Validation failed: `errors` (a sequence of pydantic-style error dicts).

    `str(exc)` is `"N validation error(s):"`, one `"\\n  {error}"` per error, then
    the endpoint context when there is one (see `EndpointContext`).
    """

    def __init__(
        self, errors: Sequence[Any], *, endpoint_ctx: EndpointContext | None = None
    ) -> None:
        self._errors = errors
        self.endpoint_ctx = endpoint_ctx
        context: Mapping[str, Any] = endpoint_ctx or {}
        self.endpoint_function: str | None = context.get("function")
        self.endpoint_path: str | None = context.get("path")
        self.endpoint_file: str | None = context.get("file")
        self.endpoint_line: int | None = context.get("line")

    def errors(self) -> Sequence[Any]:
        """The errors, as given (the same object)."""
        return self._errors

    def __str__(self) -> str:
        count = len(self._errors)
        lines = [f"{count} validation error{'' if count == 1 else 's'}:"]
        lines.extend(f"  {error}" for error in self._errors)
        return "\n".join(lines) + format_endpoint_context(self.endpoint_ctx)


class RequestValidationError(ValidationException):
    """A request's parameters or body did not validate (answered with 422).

    `body` is the request body as received (parsed JSON, form data or raw bytes),
    None when there was none.
    """

    def __init__(
        self,
        errors: Sequence[Any],
        *,
        body: Any = None,
        endpoint_ctx: EndpointContext | None = None,
    ) -> None:
        super().__init__(errors, endpoint_ctx=endpoint_ctx)
        self.body = body


class WebSocketRequestValidationError(ValidationException):
    """A WebSocket's parameters did not validate (the socket closes with 1008)."""


class ResponseValidationError(ValidationException):
    """An endpoint's return value did not validate against its response model.

    `body` is the value the endpoint returned; the errors' `loc` start with
    `"response"`. Not handled by default: the client gets a 500.
    """

    def __init__(
        self,
        errors: Sequence[Any],
        *,
        body: Any = None,
        endpoint_ctx: EndpointContext | None = None,
    ) -> None:
        super().__init__(errors, endpoint_ctx=endpoint_ctx)
        self.body = body
