"""The default exception handlers, as `fastapi.exception_handlers` defines them.

Apps call them from their own handlers to keep the default answer after, for
example, logging the error.

Beyond FastAPI (where both answer 500), the echoed `input` and `ctx` of a
validation error are made JSON-safe before they are rendered: a non-finite float
(`1e999` or `NaN` in a JSON body) becomes the string `"Infinity"`, `"-Infinity"` or
`"NaN"`, bytes that are not UTF-8 are decoded with backslash escapes, a string
holding a lone surrogate (`"\ud800"` in a JSON body, which UTF-8 cannot encode) has
it escaped as the text `\ud800` (in its `input`, `ctx`, `loc` and `msg`), and the echo is
cut at 65,536 characters in all (a 50 MB list gives a 64 KiB echo, not a
52 MB one): a longer string ends with `"..."`, a longer list with the item `"..."`, a
larger dict with the key `"..."`, and once the budget is spent an error's `input` is
`"..."` (`ctx`, small, is never cut). The errors themselves are all kept (their
number is bounded by the body, which `max_body_size` bounds).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
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


_MAX_ECHOED_INPUT = 65536
"""Characters of the validation errors' `input` (and `ctx`) a 422 echoes in all, about:
each string counts its length, each other value one."""
_CUT = "..."
_NON_FINITE = {math.inf: "Infinity", -math.inf: "-Infinity"}


class _Budget:
    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = _MAX_ECHOED_INPUT

    def take(self, amount: int) -> bool:
        self.left -= amount
        return self.left >= 0


def _text(value: str) -> str:
    """`value` with each lone surrogate written as a backslash escape (`\\ud800`)."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _safe(value: Any, budget: _Budget) -> Any:
    """`value` with what JSON cannot carry replaced and cut to the budget."""
    if budget.left <= 0:
        return _CUT
    if isinstance(value, float) and not math.isfinite(value):
        budget.take(1)
        return _NON_FINITE.get(value, "NaN")
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, str):
        if budget.take(len(value)):
            return _text(value)
        return _text(value[: max(len(value) + budget.left, 0)]) + _CUT
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for key, item in value.items():
            if not budget.take(1):
                out[_CUT] = _CUT
                break
            if isinstance(key, str):
                key = _text(key)
            elif isinstance(key, float | bytes):
                key = _safe(key, budget)
            out[key] = _safe(item, budget)
        return out
    if isinstance(value, list | tuple | set | frozenset):
        items: list[Any] = []
        for item in value:
            if not budget.take(1):
                items.append(_CUT)
                break
            items.append(_safe(item, budget))
        return items
    budget.take(1)
    return value


def _safe_errors(errors: Any) -> Any:
    """Each error with its `input`, `ctx`, `loc` and `msg` JSON-safe, the echoes of all
    the errors cut together at the budget (see the module)."""
    safe = []
    budget = _Budget()
    for error in errors:
        if isinstance(error, dict):
            error = dict(error)
            if isinstance(error.get("msg"), str):
                error["msg"] = _text(error["msg"])
            if isinstance(error.get("loc"), list | tuple):
                error["loc"] = [_text(p) if isinstance(p, str) else p for p in error["loc"]]
            if "input" in error:
                error["input"] = _safe(error["input"], budget)
            if "ctx" in error:  # small, and documented as an object: never cut
                error["ctx"] = _safe(error["ctx"], _Budget())
        safe.append(error)
    return safe


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
    """422 with `{"detail": [error, ...]}`, the errors passed through `jsonable_encoder`,
    their `input` and `ctx` made JSON-safe and cut at 65,536 characters (beyond FastAPI,
    which answers 500 for `1e999` or `NaN`; see the module)."""
    return JSONResponse(
        status_code=HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": jsonable_encoder(_safe_errors(exc.errors()))},
    )


async def websocket_request_validation_exception_handler(
    websocket: WebSocket, exc: WebSocketRequestValidationError
) -> None:
    """Close the WebSocket with code 1008 (policy violation).

    As FastAPI does, the close reason is the list of errors itself (after
    `jsonable_encoder`), not a string.
    """
    reason: Any = jsonable_encoder(_safe_errors(exc.errors()))
    await websocket.close(code=WS_1008_POLICY_VIOLATION, reason=reason)
