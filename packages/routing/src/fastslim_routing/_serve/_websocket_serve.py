"""Serving one WebSocket connection's endpoint through a `CompiledRoute`: validate the
parameters (no body), solve the dependencies, await the endpoint (`run_websocket`);
`_websocket` runs it inside the connection's request scope."""

from __future__ import annotations

from typing import Any, cast

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.websockets import WebSocket

from fastslim_di import Container, ParameterErrors, RequestScope

from .. import exceptions
from ._compiled import CompiledRoute, endpoint_context
from ._error_order import ordered_errors
from ._slots import CONNECTION, ERRORS, VALUES
from ._validator import KeyedError

WEBSOCKET_METHOD = "WS"
"""How validation errors name a WebSocket endpoint (`WS /ws/{room}`), as FastAPI."""


def _validation_error(
    route: CompiledRoute, errors: list[Any], container: Container | None = None
) -> Exception:
    return exceptions.WebSocketRequestValidationError(
        ordered_errors(errors, route.plan, container),
        endpoint_ctx=endpoint_context(route.settings, WEBSOCKET_METHOD),
    )


class _NoForm:
    """What a form reader reads for a WebSocket: an empty form (no body)."""

    def __init__(self, websocket: WebSocket) -> None:
        self.scope = websocket.scope

    async def form(self, **limits: Any) -> FormData:
        return FormData()


async def _inputs(route: CompiledRoute, websocket: WebSocket, values: dict[Any, Any]) -> None:
    """Validate the parameters into `values` (a WebSocket has no body: body and form
    parameters are missing, or take their defaults, as in FastAPI)."""
    found: dict[str, Any] = {}
    errors: dict[str, list[KeyedError]] = {}
    if route.extractor is not None and route.params is not None:
        found, params_errors = route.params(route.extractor(websocket))
        errors.update(params_errors or {})
    results = []
    if route.body is not None:
        results.append(route.body(b"", None))
    if route.form is not None:
        # The reader only calls `.form()` and reads `.scope`: an empty form will do.
        results.append(await route.form(cast(Request, _NoForm(websocket))))
    for body_values, body_errors, _ in results:
        found = {**found, **body_values}
        errors.update(body_errors or {})
    values[VALUES] = found
    if errors:
        values[ERRORS] = errors


async def run_websocket(
    route: CompiledRoute, request_scope: RequestScope, websocket: WebSocket
) -> None:
    """Validate, solve and await the endpoint, inside the connection's request scope."""
    values = request_scope.values
    values[CONNECTION] = websocket
    await _inputs(route, websocket, values)
    async with request_scope.function_scope() as function_scope:
        try:
            kwargs = await function_scope.solve(route.plan)
        except ParameterErrors as exc:
            raise _validation_error(route, exc.errors, request_scope.container) from None
        await route.endpoint(**kwargs)
