"""FastAPI 0.165's request-handling functions of `fastapi.routing`, over fastslim's
own compiled routes.

- `get_request_handler(dependant, ...)`: the `request -> response` function of a
  path operation whose endpoint is `dependant.call` and whose parameters and
  sub-dependencies are the `Dependant`'s (as changed by the caller), compiled by
  fastslim's route compiler once, when it is called. Serve it with
  `request_response(handler)` (or from a route class's `get_route_handler()`).
- `serialize_response(...)`: the response value of an endpoint's return value:
  validated by the response field (as it is, never dumped first) and dumped, or
  without a field, `jsonable_encoder`'s.
- `run_endpoint_function(...)`: the endpoint called with its values, a plain
  `def` in the thread pool.

FastAPI docs: Custom Request and APIRoute class; Response Model.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._compile._compiler import compile_route
from .._serve._compiled import RouteSettings
from .._serve._encode import DumpOptions
from .._serve._handler import route_handler
from ..datastructures import Default, DefaultPlaceholder
from ..encoders import jsonable_encoder
from ..exceptions import ResponseValidationError
from .dependant import Dependant, get_flat_body_params
from .model_field import ModelField
from .stand_in import serving_endpoint

__all__ = ("get_request_handler", "run_endpoint_function", "serialize_response")


def get_request_handler(
    dependant: Dependant,
    body_field: ModelField | None = None,
    status_code: int | None = None,
    response_class: type[Response] | DefaultPlaceholder = Default(JSONResponse),
    response_field: ModelField | None = None,
    response_model_include: Any = None,
    response_model_exclude: Any = None,
    response_model_by_alias: bool = True,
    response_model_exclude_unset: bool = False,
    response_model_exclude_defaults: bool = False,
    response_model_exclude_none: bool = False,
    dependency_overrides_provider: Any | None = None,
    embed_body_fields: bool = False,
    strict_content_type: bool | DefaultPlaceholder = Default(True),
    stream_item_field: ModelField | None = None,
    is_json_stream: bool = False,
    form_limits: Mapping[str, int] | None = None,
) -> Callable[[Request], Coroutine[Any, Any, Response]]:
    """The `request -> response` function serving `dependant` with these settings.

    The body and its embedding follow from the Dependant's body parameters (the
    same rule `body_field`/`embed_body_fields` were computed by); without a
    `body_field` the body is not read (each body parameter is missing), as
    FastAPI's. Overrides come from the serving app. Raises the declaration errors of a route
    (`AssertionError`, `FastAPIError`) for a Dependant FastAPI would refuse.
    """
    call = dependant.call
    endpoint = serving_endpoint(dependant)  # AssertionError without a call
    cls = response_class.value if isinstance(response_class, DefaultPlaceholder) else response_class
    strict = (
        strict_content_type.value
        if isinstance(strict_content_type, DefaultPlaceholder)
        else strict_content_type
    )
    settings = RouteSettings(
        path=dependant.path or "",
        endpoint=endpoint,
        methods=frozenset(),
        name=getattr(call, "__name__", "endpoint"),
        dependencies=(),
        status_code=status_code,
        response_model=response_field.field_info.annotation if response_field else None,
        response_class=cls,
        class_is_default=isinstance(response_class, DefaultPlaceholder),
        options=DumpOptions(
            include=response_model_include,
            exclude=response_model_exclude,
            by_alias=response_model_by_alias,
            exclude_unset=response_model_exclude_unset,
            exclude_defaults=response_model_exclude_defaults,
            exclude_none=response_model_exclude_none,
        ),
        strict_content_type=bool(strict),
        form_limits=dict(form_limits) if form_limits else None,
    )
    handler = route_handler(compile_route(settings), own=True)
    if body_field is not None or not get_flat_body_params(dependant):
        return handler
    # As FastAPI's: without a body field the body is not read, so every body
    # parameter is missing.
    serve = handler

    async def without_body(request: Request) -> Response:
        request._body = b""
        return await serve(request)

    return without_body


async def serialize_response(
    *,
    field: ModelField | None = None,
    response_content: Any,
    include: Any = None,
    exclude: Any = None,
    by_alias: bool = True,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
    is_coroutine: bool = True,
    endpoint_ctx: Any = None,
    dump_json: bool = False,
) -> Any:
    """`response_content` as the response sends it: with a `field`, validated as it
    is (an instance of the model is not validated again) and dumped (JSON bytes
    with `dump_json`); without one, `jsonable_encoder`'s value. Raises
    `ResponseValidationError` (errors located at `("response", ...)`, `body` the
    content) when it does not validate."""
    options: dict[str, Any] = {
        "include": include,
        "exclude": exclude,
        "by_alias": by_alias,
        "exclude_unset": exclude_unset,
        "exclude_defaults": exclude_defaults,
        "exclude_none": exclude_none,
    }
    if field is None:
        return jsonable_encoder(response_content, **options)
    value, errors = field.validate(response_content, {}, loc=("response",))
    if errors:
        raise ResponseValidationError(errors, body=response_content, endpoint_ctx=endpoint_ctx)
    if dump_json:
        return field.serialize_json(value, **options)
    return field.serialize(value, mode="json", **options)


async def run_endpoint_function(
    *, dependant: Dependant, values: dict[str, Any], is_coroutine: bool
) -> Any:
    """`dependant.call(**values)`: awaited when `is_coroutine`, else run in the
    thread pool (FastAPI docs: Concurrency and async / await)."""
    call = dependant.call
    if call is None:
        raise AssertionError("dependant.call must be a function")
    if is_coroutine:
        return await call(**values)
    return await run_in_threadpool(call, **values)
