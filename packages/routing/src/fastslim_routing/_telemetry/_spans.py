"""Operation spans: `fastapi.dependencies`, `fastapi.endpoint`, `fastapi.serialization`
and `fastapi.background_task` (the last through fastslim-tasks' observer hooks).

An exception marks an operation span ERROR with `error.type`, except the ones that
are answers rather than failures (`HTTPException`, request validation errors) and a
WebSocket closed normally by the client (1000, 1001).
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.websockets import WebSocketDisconnect

from fastslim_tasks import BackgroundTask, TaskFinished

from ..exceptions import RequestValidationError, WebSocketRequestValidationError
from ._config import error_type, function_name

try:
    from opentelemetry import context as otel_context
    from opentelemetry import trace
    from opentelemetry.trace import Status, StatusCode
except ModuleNotFoundError:  # pragma: no cover
    # Without the telemetry extra this module is never used (see `_telemetry.resolve`).
    pass

ANSWERS = (HTTPException, RequestValidationError, WebSocketRequestValidationError)

NORMAL_CLOSE_CODES = frozenset({1000, 1001})
"""A WebSocket closed by the client with these codes (normal closure, going away) is
not a failure, even when the endpoint lets the disconnect propagate."""


def is_failure(exc: BaseException) -> bool:
    """Whether `exc` leaving an operation or a connection marks it ERROR (and, for a
    connection, is logged): not an answer, nor a normal closure by the client."""
    if isinstance(exc, ANSWERS):
        return False
    return not (
        isinstance(exc, WebSocketDisconnect) and getattr(exc, "code", None) in NORMAL_CLOSE_CODES
    )


def mark_error(span: Any, exc: BaseException) -> None:
    """Set ERROR and `error.type` on `span` (a recording one)."""
    span.set_attribute("error.type", error_type(exc))
    span.set_status(Status(StatusCode.ERROR))


class Operation:
    """One operation span, current while it runs; a no-op without a tracer.

    `end(exc)` may be called early (it is idempotent); leaving the `with` block ends
    it with the exception that left it, if any.
    """

    __slots__ = ("_span", "_token")

    def __init__(self, tracer: Any, name: str, attributes: dict[str, Any]) -> None:
        self._span = self._token = None
        if tracer is not None:
            self._span = tracer.start_span(name, attributes=attributes)
            self._token = otel_context.attach(trace.set_span_in_context(self._span))

    def end(self, exc: BaseException | None = None) -> None:
        span = self._span
        if span is None:
            return
        self._span = None
        if exc is not None and is_failure(exc):
            mark_error(span, exc)
        span.end()
        if self._token is not None:
            otel_context.detach(self._token)

    def __enter__(self) -> Operation:
        return self

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        self.end(exc)


class TaskSpans:
    """A fastslim-tasks observer: one `fastapi.background_task` span per task, children
    of the request's span."""

    __slots__ = ("_context", "_spans", "_tracer")

    def __init__(self, tracer: Any, parent: Any) -> None:
        self._tracer = tracer
        self._context = parent
        self._spans: dict[int, Any] = {}

    def task_started(self, task: BackgroundTask) -> None:
        self._spans[id(task)] = self._tracer.start_span(
            "fastapi.background_task",
            context=self._context,
            attributes={"code.function.name": function_name(task.func)},
        )

    def task_finished(self, event: TaskFinished) -> None:
        span = self._spans.pop(id(event.task), None)
        if span is None:
            return
        if event.exception is not None:
            mark_error(span, event.exception)
        span.end()
