"""The request scope's values the handlers fill and the dependency sources read:
the keys (`VALUES`, `ERRORS`, `CONNECTION`, `RESPONSE`, `TASKS`), `SlotSource` (a
validated parameter) and the sources of framework-provided values (`Request`,
`Response`, `BackgroundTasks`, `TaskRunner`)."""

from __future__ import annotations

from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastslim_di import ParameterErrors, ParameterSource, SolveContext
from fastslim_tasks import BackgroundTasks, TaskRunner

from ._spec import ParamSpec

VALUES = "fastslim.values"
"""Request-scope key: {slot name: validated value} for the slots that are valid."""


ERRORS = "fastslim.errors"
"""Request-scope key: {slot name: [errors]} for the slots that are invalid."""


CONNECTION = "fastslim.connection"
"""Request-scope key: the `Request` (or `WebSocket`) of this request."""


RESPONSE = "fastslim.response"
"""Request-scope key: the `Response` a parameter asked for (status, headers, cookies)."""


TASKS = "fastslim.background"
"""Request-scope key: the request's `BackgroundTasks`, created on first use."""


class SlotSource:
    """Reads the validated value of one slot, or raises its errors."""

    __slots__ = ("slot", "spec")

    def __init__(self, slot: str, spec: ParamSpec) -> None:
        self.slot = slot
        self.spec = spec

    def __call__(self, context: SolveContext, /) -> Any:
        values = context.values
        try:
            return values[VALUES][self.slot]
        except KeyError:
            raise ParameterErrors(values[ERRORS][self.slot]) from None

    def __repr__(self) -> str:
        return f"<SlotSource {self.slot} {self.spec.location}:{self.spec.alias}>"


def _connection(context: SolveContext, /) -> Any:
    return context.values[CONNECTION]


def _response(context: SolveContext, /) -> Any:
    values = context.values
    response = values.get(RESPONSE)
    if response is None:
        response = values[RESPONSE] = Response()
        del response.headers["content-length"]
        response.status_code = None  # type: ignore[assignment]
    return response


def _background_tasks(context: SolveContext, /) -> Any:
    values = context.values
    tasks = values.get(TASKS)
    if tasks is None:
        tasks = values[TASKS] = BackgroundTasks()
    return tasks


def _task_runner(context: SolveContext, /) -> Any:
    app = context.values[CONNECTION].scope.get("app")
    if not isinstance(getattr(type(app), "task_runner", None), property):
        raise LookupError(
            "A TaskRunner parameter needs a FastAPI app (the app owns the runner), "
            f"but this request is served by {app!r}."
        )
    return app.task_runner


def special_source(annotation: Any) -> ParameterSource | None:
    """The source of a framework-provided value, or None for a request parameter."""
    if not isinstance(annotation, type):
        return None
    if issubclass(annotation, Request | WebSocket) or annotation is HTTPConnection:
        return _connection
    if issubclass(annotation, Response):
        return _response
    if issubclass(annotation, BackgroundTasks | StarletteBackgroundTasks):
        return _background_tasks
    if issubclass(annotation, TaskRunner):
        return _task_runner
    return None


def uses_task_runner(sources: Any) -> bool:
    """Whether a plan's sources (`plan.sources()`) include the app's task runner."""
    return any(source is _task_runner for _, source in sources)
