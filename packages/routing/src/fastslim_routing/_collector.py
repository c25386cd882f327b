"""The `ParameterResolver` routing hands to fastslim-di's `build_plan`.

One slot per (owner, parameter name): the slot's source is a small object that
reads the value validated for it before solving (`VALUES`), or raises the slot's
`ParameterErrors` (`ERRORS`). Special values (`Request`, `Response`,
`BackgroundTasks`...) get sources that read or create them in the request
scope's values. A resolver asked after the route was compiled (an override
declared later) gives self-validating sources instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastslim_di import ParameterErrors, ParameterInfo, ParameterSource, SolveContext
from fastslim_tasks import BackgroundTasks, TaskRunner

from ._classify import ParamSpec, classify

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
    if issubclass(annotation, BackgroundTasks):
        return _background_tasks
    if issubclass(annotation, TaskRunner):
        return _task_runner
    return None


def uses_task_runner(sources: Any) -> bool:
    """Whether a plan's sources (`plan.sources()`) include the app's task runner."""
    return any(source is _task_runner for _, source in sources)


LateSourceFactory = Callable[[ParamSpec], ParameterSource]


class Collector:
    """Collects a route's request parameters while its plan is built.

    `specs` lists each slot's `ParamSpec` in the order met; `slot_of` maps a
    spec to its slot name (`p0`, `p1`...). After `freeze()`, new parameters
    (from an override's plan) get a source made by `late_source`.
    """

    def __init__(self, path_names: frozenset[str], late_source: LateSourceFactory) -> None:
        self.path_names = path_names
        self.specs: list[ParamSpec] = []
        self.slots: list[str] = []
        self._by_key: dict[tuple[Any, str], SlotSource] = {}
        self._late_source = late_source
        self._frozen = False

    def freeze(self) -> None:
        self._frozen = True

    def __call__(self, parameter: ParameterInfo, /) -> ParameterSource | None:
        source = special_source(parameter.annotation)
        if source is not None:
            return source
        key = (parameter.owner, parameter.name)
        found = self._by_key.get(key)
        if found is not None:
            return found
        spec = classify(parameter, self.path_names, len(self.specs))
        if self._frozen:
            return self._late_source(spec)
        slot = f"p{len(self.specs)}"
        self.specs.append(spec)
        self.slots.append(slot)
        found = self._by_key[key] = SlotSource(slot, spec)
        return found
