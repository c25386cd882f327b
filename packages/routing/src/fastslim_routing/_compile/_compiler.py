"""`CompiledRoute`: everything about a path operation that is known when it is declared.

`compile_route(settings)` reads the endpoint and its dependencies once (through
fastslim-di's `build_plan` with routing's `Collector`), then builds the
extractor, the one validator of the non-body parameters, the body reader and
the response serializer. Declaration errors name the route
(`GET /items/{item_id} (read_item): ...`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import PydanticSchemaGenerationError
from starlette.responses import Response
from starlette.routing import compile_path

import fastslim_di
from fastslim_di import DependencyPlan, build_plan

from .. import exceptions
from .._serve._body import BodyReader
from .._serve._compiled import CompiledRoute, RouteSettings, endpoint_context
from .._serve._encode import ResponseEncoder, body_allowed
from .._serve._extract import Extractor
from .._serve._form import FormReader
from .._serve._multipart import ensure_multipart_is_installed
from .._serve._spec import BODY, FORM, ParamSpec
from .._serve._stream import (
    StreamEncoder,
    generator_caller,
    generator_kind,
    is_event_stream,
    stream_encoder,
)
from .._serve._validator import ParamsValidator
from ..datastructures import DefaultPlaceholder
from ._classify import DeclarationError
from ._collector import Collector
from ._late import late_source
from ._pydantic_v1 import check_not_v1


def _owner_ranks(plan: DependencyPlan) -> Callable[[ParamSpec], int]:
    """FastAPI's error order: sub-dependencies (depth first) before their owner."""
    ranks: dict[Any, int] = {}
    for node in plan.iter_nodes():
        ranks.setdefault(node.call, len(ranks))
    last = len(ranks)

    def rank(spec: ParamSpec) -> int:
        return ranks.get(spec.owner, last) if spec.owner is not plan.call else last

    return rank


def return_annotation(endpoint: Callable[..., Any]) -> Any:
    """The endpoint's evaluated return annotation, or `inspect.Signature.empty`."""
    try:
        signature = inspect.signature(endpoint, eval_str=True)
    except (NameError, TypeError, ValueError):
        return inspect.Signature.empty
    return signature.return_annotation


def _response_type(settings: RouteSettings) -> tuple[Any, bool]:
    """The response model and whether there is a response field. As FastAPI, a falsy
    model (`None`, `{}`, the annotation `-> None`) means none: the value is serialized
    as returned."""
    model = settings.response_model
    if isinstance(model, DefaultPlaceholder):
        model = return_annotation(settings.endpoint)
        if model is inspect.Signature.empty:
            return None, False
        if isinstance(model, type) and issubclass(model, Response):
            return None, False
    if not model:
        return None, False
    return model, True


def _plan(settings: RouteSettings, collector: Collector) -> DependencyPlan:
    try:
        return build_plan(settings.endpoint, dependencies=settings.dependencies, resolver=collector)
    except fastslim_di.DependencyScopeError as exc:
        raise exceptions.DependencyScopeError(*exc.args) from None
    except DeclarationError as exc:
        # FastAPI raises these as AssertionError, with the same messages.
        raise AssertionError(str(exc)) from None


def compile_route(settings: RouteSettings) -> CompiledRoute:
    """Compile a path operation; raises `FastAPIError` subclasses on misuse."""
    path_names = frozenset(compile_path(settings.path)[2])
    collector = Collector(path_names, late_source)
    plan = _plan(settings, collector)
    collector.freeze()
    rank = _owner_ranks(plan)
    slots = list(zip(collector.slots, collector.specs, strict=True))
    for _, spec in slots:
        check_not_v1(spec.annotation)
    plain = [(slot, spec) for slot, spec in slots if spec.location not in (BODY, FORM)]
    bodies = [(slot, spec) for slot, spec in slots if spec.location == BODY]
    form = _form_reader(settings, slots, rank)
    if form is not None:
        bodies = []  # read from the form
    encoder = _encoder(settings)
    compiled = CompiledRoute(
        settings,
        plan,
        Extractor(plain) if plain else None,
        ParamsValidator(plain, rank) if plain else None,
        BodyReader(bodies, rank, strict=settings.strict_content_type) if bodies else None,
        encoder,
        form,
    )
    if isinstance(encoder, StreamEncoder) and encoder.is_async is not None:
        # The generator is created in the function scope, iterated by the response.
        compiled.use_endpoint(generator_caller(settings.endpoint), is_async=True)
    return compiled


def _encoder(settings: RouteSettings) -> ResponseEncoder | StreamEncoder:
    kind = generator_kind(settings.endpoint)
    if kind is None and not is_event_stream(settings.response_class):
        return _response_encoder(settings)
    stream, annotated = stream_encoder(
        kind,
        response_model=settings.response_model,
        annotation=return_annotation(settings.endpoint),
        response_class=settings.response_class,
        class_is_default=settings.class_is_default,
        status_code=settings.status_code,
        options=settings.options,
        validation_error=_response_error_factory(settings),
    )
    if stream is None:
        return _response_encoder(settings)
    if not annotated:
        _response_encoder(settings)  # FastAPI's declaration errors of a response field
    return stream


def _response_encoder(settings: RouteSettings) -> ResponseEncoder:
    response_type, has_field = _response_type(settings)
    if has_field:
        check_not_v1(response_type)
        status = settings.status_code
        if (
            response_type is not type(None)
            and response_type is not None
            and not body_allowed(status)
        ):
            # FastAPI's declaration error, as an AssertionError.
            raise AssertionError(f"Status code {status} must not have a response body")
    try:
        encoder = ResponseEncoder(
            response_type,
            has_field=has_field,
            response_class=settings.response_class,
            class_is_default=settings.class_is_default,
            status_code=settings.status_code,
            options=settings.options,
            validation_error=_response_error_factory(settings),
        )
    except PydanticSchemaGenerationError as exc:
        raise exceptions.FastAPIError(
            f"Invalid args for response field! Hint: check that {response_type} is a valid "
            "Pydantic field type. If you are using a return type annotation that is not a valid "
            "Pydantic field (e.g. Union[Response, dict, None]) you can disable generating the "
            "response model from the type annotation with the path operation decorator "
            "parameter response_model=None. Read more: "
            "https://fastapi.tiangolo.com/tutorial/response-model/"
        ) from exc
    return encoder


def _form_reader(
    settings: RouteSettings,
    slots: Sequence[tuple[str, ParamSpec]],
    rank: Callable[[ParamSpec], int],
) -> FormReader | None:
    """The form reader of a route with form parameters (its body parameters included);
    raises `RuntimeError` without python-multipart."""
    if not any(spec.location == FORM for _, spec in slots):
        return None
    ensure_multipart_is_installed()
    fields = [(slot, spec) for slot, spec in slots if spec.location in (BODY, FORM)]
    return FormReader(fields, rank, settings.form_limits)


def _response_error_factory(
    settings: RouteSettings,
) -> Callable[[list[dict[str, Any]], Any], Exception]:
    method = min(settings.methods) if settings.methods else "GET"

    def make(errors: list[dict[str, Any]], value: Any) -> Exception:
        return exceptions.ResponseValidationError(
            errors, body=value, endpoint_ctx=endpoint_context(settings, method)
        )

    return make
