"""`respond()` with telemetry: the route template, operation spans, `TelemetryData`,
the validation-failure log, and spans for the background tasks.

Used only for requests that the telemetry middleware marked (the handler reads the
mark once per request); other requests never reach this module.
"""

from __future__ import annotations

import json
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastslim_di import ParameterErrors, RequestScope
from fastslim_tasks import BackgroundTasks

from .. import exceptions
from .._telemetry import _data as telemetry_data
from .._telemetry._config import Telemetry, function_name
from .._telemetry._spans import Operation, TaskSpans
from .._telemetry._state import RequestTelemetry
from ..telemetry import TelemetryData
from ._compiled import CompiledRoute
from ._respond import _finish, _inputs, _not_awaited, _request_errors
from ._slots import CONNECTION, SlotSource
from ._spec import LOCATION_RANK
from ._stream import StreamEncoder
from ._websocket_serve import _inputs as websocket_inputs
from ._websocket_serve import _validation_error as websocket_validation_error

try:
    from opentelemetry import context as otel_context
    from opentelemetry._logs import SeverityNumber
except ModuleNotFoundError:  # pragma: no cover
    # Without the telemetry extra this module is never used (see `_telemetry.resolve`).
    pass

_NOTHING: Any = object()


def _log_validation(telemetry: Telemetry, count: int, route: str | None) -> None:
    log = telemetry.logger
    if log is None:
        return
    log.emit(
        timestamp=time.time_ns(),
        severity_number=SeverityNumber.WARN,
        severity_text="WARN",
        body="Request validation failed",
        attributes={"fastapi.validation.error_count": count, "http.route": route or ""},
        event_name="fastapi.validation.failed",
    )


async def _parsed_body(route: CompiledRoute, request: Request) -> Any:
    """The JSON body as parsed data (the fast path validates the bytes directly)."""
    raw = await request.body()
    if not raw or route.body is None or not route.body.is_json(request.headers.get("content-type")):
        return raw or None
    try:
        return json.loads(raw)
    except ValueError:  # not JSON: the text received, as FastAPI's data
        return raw.decode("utf-8", "replace")


_VALUE_RANKS: dict[int, tuple[CompiledRoute, dict[str, int]]] = {}


def _value_ranks(route: CompiledRoute) -> dict[str, int]:
    """FastAPI's order of an endpoint's arguments: dependencies (and special values)
    first, then the request parameters by location (path, query, header, cookie, body)."""
    found = _VALUE_RANKS.get(id(route))
    if found is not None and found[0] is route:
        return found[1]
    ranks = {}
    for binding in route.plan.bindings:
        payload = binding.payload
        if isinstance(payload, SlotSource):
            ranks[binding.name] = 1 + LOCATION_RANK.get(payload.spec.location, 4)
    if len(_VALUE_RANKS) > 10_000:  # routes compiled again and again: start over
        _VALUE_RANKS.clear()
    _VALUE_RANKS[id(route)] = (route, ranks)
    return ranks


def _ordered(route: CompiledRoute, values: dict[str, Any]) -> dict[str, Any]:
    ranks = _value_ranks(route)
    names = sorted(values, key=lambda name: ranks.get(name, 0))
    return {name: values[name] for name in names}


async def respond_traced(
    state: RequestTelemetry, route: CompiledRoute, request_scope: RequestScope, request: Request
) -> Response:
    """`respond()` of `_handler`, observed."""
    telemetry = state.telemetry
    if not state.frontend:
        state.route = state.template(request.scope, route.settings.path)
    tracer = telemetry.tracer if telemetry.operation_spans and not state.frontend else None
    attributes = {"code.function.name": function_name(route.settings.endpoint)}
    parent = otel_context.get_current()
    data = TelemetryData(request=request)
    slot, token = telemetry_data.enter(data)
    try:
        values = request_scope.values
        values[CONNECTION] = request
        streams = isinstance(route.response, StreamEncoder)
        raw: Any = _NOTHING
        dependencies = Operation(tracer, "fastapi.dependencies", attributes)
        try:
            try:
                data.body = body = await _inputs(route, request, values)
            except exceptions.RequestValidationError as malformed:  # a body that is not JSON
                data.body = await _parsed_body(route, request)
                data.errors = malformed.errors()
                _log_validation(telemetry, len(data.errors), state.route)
                raise
            if body is None and route.body is not None:
                data.body = await _parsed_body(route, request)
            async with request_scope.function_scope() as function_scope:
                try:
                    kwargs = await function_scope.solve(route.plan)
                except ParameterErrors as exc:
                    error: Any = _request_errors(
                        route, exc.errors, body, request.method, request_scope.container
                    )
                    data.errors = error.errors()
                    _log_validation(telemetry, len(data.errors), state.route)
                    raise error from None
                dependencies.end()
                data.values, data.errors = _ordered(route, kwargs), []
                if streams:
                    raw = await route.call(**kwargs)
                else:
                    with Operation(tracer, "fastapi.endpoint", attributes):
                        raw = await route.call(**kwargs)
        except BaseException as exc:
            dependencies.end(exc)
            raise
        if raw is _NOTHING:
            raise _not_awaited()
        if streams or isinstance(raw, Response):
            response = _finish(route, raw, values)
        else:
            with Operation(tracer, "fastapi.serialization", attributes):
                response = _finish(route, raw, values)
        background: Any = response.background
        if tracer is not None and isinstance(background, BackgroundTasks):
            background.observer = TaskSpans(tracer, parent)
        return response
    finally:
        telemetry_data.leave(slot, token)


async def run_websocket_traced(
    state: RequestTelemetry, route: CompiledRoute, request_scope: RequestScope, websocket: WebSocket
) -> None:
    """`run_websocket()` of `_websocket`, observed."""
    telemetry = state.telemetry
    state.route = state.template(websocket.scope, route.settings.path)
    tracer = telemetry.tracer if telemetry.operation_spans else None
    attributes = {"code.function.name": function_name(route.settings.endpoint)}
    data = TelemetryData(websocket=websocket)
    slot, token = telemetry_data.enter(data)
    try:
        values = request_scope.values
        values[CONNECTION] = websocket
        with Operation(tracer, "fastapi.dependencies", attributes) as dependencies:
            await websocket_inputs(route, websocket, values)
            async with request_scope.function_scope() as function_scope:
                try:
                    kwargs = await function_scope.solve(route.plan)
                except ParameterErrors as exc:
                    error: Any = websocket_validation_error(
                        route, exc.errors, request_scope.container
                    )
                    data.errors = error.errors()
                    _log_validation(telemetry, len(data.errors), state.route)
                    raise error from None
                dependencies.end()
                data.values, data.errors = kwargs, []
                with Operation(tracer, "fastapi.endpoint", attributes):
                    await route.endpoint(**kwargs)
    finally:
        telemetry_data.leave(slot, token)
