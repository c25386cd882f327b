"""Producing the response of one HTTP request through a `CompiledRoute`: validate
the parameters and the body, solve the dependencies, call the endpoint, exit the
function scope, serialize (`respond`); `_handler` sends it inside the request scope.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from fastslim_di import Container, ParameterErrors, RequestScope, ScopeNotActiveError

from .. import exceptions
from ._body import raise_body_read_error
from ._compiled import CompiledRoute, endpoint_context
from ._error_order import ordered_errors
from ._read_body import read_body
from ._slots import CONNECTION, ERRORS, RESPONSE, TASKS, VALUES
from ._starlette_tasks import background_of
from ._validator import KeyedError


def _request_errors(
    route: CompiledRoute,
    errors: list[Any],
    body: Any,
    method: str,
    container: Container | None = None,
) -> Exception:
    return exceptions.RequestValidationError(
        ordered_errors(errors, route.plan, container),
        body=body,
        endpoint_ctx=endpoint_context(route.settings, method),
    )


def _raise_if_malformed(
    route: CompiledRoute, errors: dict[str, list[KeyedError]], body: Any, method: str
) -> None:
    """A body that is not JSON fails the request at once, before any dependency runs
    (as FastAPI: it parses the body first)."""
    for slot_errors in errors.values():
        malformed = [error for error in slot_errors if error[1]["type"] == "json_invalid"]
        if malformed:
            raise _request_errors(route, malformed, body, method)


async def _inputs(route: CompiledRoute, request: Request, values: dict[Any, Any]) -> Any:
    """Validate the parameters and the body into `values`; returns the parsed body.

    (Not called for a route without parameters or body: `route.has_inputs`.)"""
    found: dict[str, Any] = {}
    errors: dict[str, list[KeyedError]] | None = None
    if route.extractor is not None and route.params is not None:
        found, errors = route.params(route.extractor(request))
    body = None
    if route.form is not None:
        body_values, body_errors, body = await route.form(request)
        found = {**found, **body_values} if found else body_values
        if body_errors:
            errors = {**errors, **body_errors} if errors else body_errors
    elif route.body is not None:
        try:
            raw = await read_body(request)
        except Exception as exc:
            raise_body_read_error(exc, request.scope)
        body_values, body_errors, body = route.body(raw, request.headers.get("content-type"))
        found = {**found, **body_values} if found else body_values
        if body_errors:
            _raise_if_malformed(route, body_errors, body, request.method)
            errors = {**errors, **body_errors} if errors else body_errors
    values[VALUES] = found
    if errors:
        values[ERRORS] = errors
    return body


def _finish(route: CompiledRoute, raw: Any, values: dict[Any, Any]) -> Response:
    tasks = values.get(TASKS)
    if isinstance(raw, Response):
        if tasks is not None and raw.background is None:
            raw.background = background_of(tasks)
        return raw
    sub = values.get(RESPONSE)
    response = route.response(raw, sub.status_code if sub is not None else None)
    if sub is not None:
        response.headers.raw.extend(sub.headers.raw)
    if tasks is not None:
        response.background = background_of(tasks)
    return response


_NOTHING: Any = object()


def _app_scope_not_running(exc: ScopeNotActiveError) -> Exception:
    """A `scope="app"` dependency used while the app's lifespan is not running."""
    return exceptions.FastAPIError(
        f"{exc} For an app, its lifespan runs the app scope: start the app (a server, or "
        "`with TestClient(app):` in tests). An app mounted in another app does not run "
        "its own lifespan: declare the dependency in the outer app, or include the inner "
        "app's routers instead of mounting it."
    )


def _not_awaited() -> Exception:
    """A yield dependency swallowed the exception that stopped the response (FastAPI's
    error, message and link)."""
    return exceptions.FastAPIError(
        "Response not awaited. There's a high chance that the application code is raising "
        "an exception and a dependency with yield has a block with a bare except, or a "
        "block with except Exception, and is not raising the exception again. Read more "
        "about it in the docs: https://fastapi.tiangolo.com/tutorial/dependencies/"
        "dependencies-with-yield/#dependencies-with-yield-and-except"
    )


async def respond(route: CompiledRoute, request_scope: RequestScope, request: Request) -> Response:
    """Validate, solve, call the endpoint, exit the function scope, serialize."""
    values = request_scope.values
    values[CONNECTION] = request
    body = await _inputs(route, request, values) if route.has_inputs else None
    flat = route.flat
    if flat is not None:  # no dependencies: the sources are called directly
        kwargs: dict[str, Any] = {}
        errors: list[Any] = []
        for name, source in flat:
            try:
                kwargs[name] = source(request_scope)
            except ParameterErrors as exc:
                errors.extend(exc.errors)
        if errors:
            raise _request_errors(route, errors, body, request.method)
        return _finish(route, await route.call(**kwargs), values)
    raw: Any = _NOTHING
    async with request_scope.function_scope() as function_scope:
        try:
            kwargs = await function_scope.solve(route.plan)
        except ParameterErrors as exc:
            raise _request_errors(
                route, exc.errors, body, request.method, request_scope.container
            ) from None
        except ScopeNotActiveError as exc:
            raise _app_scope_not_running(exc) from exc
        raw = await route.call(**kwargs)
    if raw is _NOTHING:
        raise _not_awaited()
    return _finish(route, raw, values)
