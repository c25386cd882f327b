"""`fastslim.openapi.utils`, as `fastapi.openapi.utils`: the OpenAPI document of routes.

`get_openapi(title=..., version=..., routes=app.routes)` builds the document
`app.openapi()` serves; apps override `app.openapi` with it to change the
document (FastAPI docs: Extending OpenAPI). Built from the compiled routes
(their dependency plans, parameters, bodies and responses), in one pass of
pydantic's JSON-schema generator.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.routing import BaseRoute

from .._routes._effective import Placement
from .._routes._route import APIRoute
from ._operation import PreparedRoute, operation_metadata, operation_summary, prepare, render
from ._responses import STATUS_CODE_RANGES, VALIDATION_ERROR_RESPONSE
from ._routes import OperationRoute, operation_routes
from ._schemas import SchemaRegistry
from .constants import REF_PREFIX
from .models import OpenAPI

__all__ = (
    "generate_operation_id",
    "generate_operation_summary",
    "get_openapi",
    "get_openapi_operation_metadata",
    "status_code_ranges",
    "validation_error_definition",
    "validation_error_response_definition",
)

status_code_ranges = STATUS_CODE_RANGES
generate_operation_summary = operation_summary
get_openapi_operation_metadata = operation_metadata


def generate_operation_id(*, route: Any, method: str) -> str:
    """Deprecated (as in FastAPI): `{name}{path}_{method}` with non-word characters as `_`.

    Warns `FastAPIDeprecationWarning`; operation ids come from `route.unique_id`.
    """
    import re
    import warnings

    from ..exceptions import FastAPIDeprecationWarning

    warnings.warn(
        "fastslim.openapi.utils.generate_operation_id() was deprecated, "
        "it is not used internally, and will be removed soon",
        FastAPIDeprecationWarning,
        stacklevel=2,
    )
    if route.operation_id:
        return str(route.operation_id)
    operation_id = re.sub(r"\W", "_", f"{route.name}{route.path_format}")
    return f"{operation_id}_{method.lower()}"


validation_error_response_definition = VALIDATION_ERROR_RESPONSE
validation_error_definition = {
    "title": "ValidationError",
    "type": "object",
    "properties": {
        "loc": {
            "title": "Location",
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        },
        "msg": {"title": "Message", "type": "string"},
        "type": {"title": "Error Type", "type": "string"},
        "input": {"title": "Input"},
        "ctx": {"title": "Context", "type": "object"},
    },
    "required": ["loc", "msg", "type"],
}
_HTTP_VALIDATION_ERROR = {
    "title": "HTTPValidationError",
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "type": "array",
            "items": {"$ref": REF_PREFIX + "ValidationError"},
        }
    },
}


def _served(routes: Sequence[Any]) -> tuple[list[tuple[BaseRoute, Placement]], Any]:
    """(served route, placement) pairs of `routes`, and the router they belong to."""
    from .._internals.contexts import RouteContext
    from .._routes._router import APIRouter

    owner = getattr(routes, "owner", None)
    router = owner() if owner is not None else None
    if isinstance(router, APIRouter):
        return router.served_routes(), router
    pairs: list[tuple[BaseRoute, Placement]] = []
    plain: list[BaseRoute] = []
    for route in routes:
        if isinstance(route, RouteContext):
            original = route.original_route
            placement = route.__dict__.get("_placement") or Placement(
                path=route.path or "",
                name=route.name,
                methods=frozenset(route.methods) if route.methods else None,
                endpoint=route.endpoint,
                original_route=original,
            )
            pairs.append((route.__dict__.get("_served", original), placement))
        else:
            plain.append(route)
    if plain:
        temporary = APIRouter(routes=plain)
        pairs.extend(temporary.served_routes())
        return pairs, temporary
    return pairs, APIRouter()


class _Document:
    """The operations of one document, prepared then rendered."""

    def __init__(self, separate_input_output_schemas: bool) -> None:
        self.registry = SchemaRegistry(separate_input_output_schemas)
        self.prepared: list[tuple[PreparedRoute, dict[str, list[PreparedRoute]]]] = []
        self.operation_ids: set[str] = set()
        self.uses_validation_error = False
        self.schemes: dict[str, Any] = {}

    def add(self, route: OperationRoute) -> tuple[PreparedRoute, dict[str, list[PreparedRoute]]]:
        callbacks: dict[str, list[PreparedRoute]] = {}
        for callback in route.callbacks:
            if isinstance(callback, APIRoute):
                view = OperationRoute(callback, callback.compiled)
                callbacks.setdefault(callback.name, []).append(prepare(view, self.registry))
        entry = (prepare(route, self.registry), callbacks)
        self.prepared.append(entry)
        return entry

    def paths(
        self, entries: list[tuple[PreparedRoute, dict[str, list[PreparedRoute]]]]
    ) -> dict[str, Any]:
        paths: dict[str, Any] = {}
        for prepared, callbacks in entries:
            item = paths.setdefault(prepared.route.path_format, {})
            for method in prepared.route.methods:
                operation = self._operation(prepared, method)
                if callbacks:
                    operation = _before_responses(
                        operation,
                        "callbacks",
                        {name: self._callback_paths(found) for name, found in callbacks.items()},
                    )
                item[method.lower()] = operation
        return paths

    def _callback_paths(self, found: list[PreparedRoute]) -> dict[str, Any]:
        paths: dict[str, Any] = {}
        for prepared in found:
            item = paths.setdefault(prepared.route.path_format, {})
            for method in prepared.route.methods:
                item[method.lower()] = self._operation(prepared, method)
        return paths

    def _operation(self, prepared: PreparedRoute, method: str) -> dict[str, Any]:
        operation = render(prepared, method, self.registry, self.operation_ids)
        if "422" in operation["responses"] and (
            operation["responses"]["422"] is VALIDATION_ERROR_RESPONSE
        ):
            self.uses_validation_error = True
        self.schemes.update(prepared.schemes)
        return operation

    def components(self) -> dict[str, Any]:
        components: dict[str, Any] = {}
        schemas = dict(self.registry.definitions)
        if self.uses_validation_error:
            schemas["ValidationError"] = validation_error_definition
            schemas["HTTPValidationError"] = _HTTP_VALIDATION_ERROR
        if schemas:
            components["schemas"] = {name: schemas[name] for name in sorted(schemas)}
        if self.schemes:
            components["securitySchemes"] = {
                name: model.model_dump(mode="json", by_alias=True, exclude_none=True)
                for name, model in self.schemes.items()
            }
        return components


def _before_responses(operation: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """`operation` with `key` placed just before its responses (FastAPI's key order)."""
    ordered: dict[str, Any] = {}
    for name, item in operation.items():
        if name == "responses":
            ordered[key] = value
        ordered[name] = item
    ordered.setdefault(key, value)
    return ordered


def get_openapi(
    *,
    title: str,
    version: str,
    openapi_version: str = "3.1.0",
    summary: str | None = None,
    description: str | None = None,
    routes: Sequence[BaseRoute | Any],
    webhooks: Sequence[BaseRoute | Any] | None = None,
    tags: list[dict[str, Any]] | None = None,
    servers: list[dict[str, str | Any]] | None = None,
    terms_of_service: str | None = None,
    contact: dict[str, str | Any] | None = None,
    license_info: dict[str, str | Any] | None = None,
    separate_input_output_schemas: bool = True,
    external_docs: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The OpenAPI document (a JSON-ready dict) of `routes` and `webhooks`.

    `routes` is `app.routes` (or route contexts); inclusions are applied.
    Raises pydantic's `ValidationError` when an argument (a contact's URL, a
    server...) is not valid OpenAPI, and warns (`UserWarning`) about duplicate
    operation ids.
    """
    info: dict[str, Any] = {"title": title}
    if summary:
        info["summary"] = summary
    if description:
        info["description"] = description
    if terms_of_service:
        info["termsOfService"] = terms_of_service
    if contact:
        info["contact"] = contact
    if license_info:
        info["license"] = license_info
    info["version"] = version
    output: dict[str, Any] = {"openapi": openapi_version, "info": info}
    if servers:
        output["servers"] = servers
    document = _Document(separate_input_output_schemas)
    pairs, top = _served(routes)
    entries = [document.add(route) for route in operation_routes(pairs, top)]
    hook_entries = []
    if webhooks:
        hook_pairs, hook_top = _served(webhooks)
        hook_entries = [document.add(route) for route in operation_routes(hook_pairs, hook_top)]
    document.registry.generate()
    paths = document.paths(entries)
    webhook_paths = document.paths(hook_entries)
    components = document.components()
    if components:
        output["components"] = components
    output["paths"] = paths
    if webhook_paths:
        output["webhooks"] = webhook_paths
    if tags:
        output["tags"] = tags
    if external_docs:
        output["externalDocs"] = external_docs
    return OpenAPI.model_validate(output).model_dump(mode="json", by_alias=True, exclude_none=True)
