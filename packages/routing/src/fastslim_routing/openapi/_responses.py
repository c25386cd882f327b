"""The responses of an operation: the default one (status, media type, schema or
stream item schema), the additional `responses={...}`, and the 422 one."""

from __future__ import annotations

import copy
import http
import inspect
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse

from ..utils import deep_dict_update, is_body_allowed_for_status_code
from ._schemas import SchemaRegistry, title_of
from .constants import REF_PREFIX

if TYPE_CHECKING:
    from ._operation import PreparedRoute
    from ._routes import OperationRoute

STATUS_CODE_RANGES = {
    "1XX": "Information",
    "2XX": "Success",
    "3XX": "Redirection",
    "4XX": "Client Error",
    "5XX": "Server Error",
    "DEFAULT": "Default Response",
}
VALIDATION_ERROR_RESPONSE = {
    "description": "Validation Error",
    "content": {
        "application/json": {"schema": {"$ref": REF_PREFIX + "HTTPValidationError"}},
    },
}


def stream_content(prepared: PreparedRoute, registry: SchemaRegistry) -> dict[str, Any]:
    kind, key = prepared.stream or ("jsonl", None)
    item: dict[str, Any] = {}
    if key is not None:
        item = registry.schema(key)
        if "$ref" not in item:
            item.setdefault("title", title_of(f"StreamItem_{prepared.route.unique_id}"))
    if kind == "jsonl":
        return {"application/jsonl": {"itemSchema": item}}
    data: dict[str, Any] = {"type": "string"}
    if key is not None:
        data.update(contentMediaType="application/json", contentSchema=item)
    event: dict[str, Any] = {
        "type": "object",
        "properties": {
            "data": data,
            "event": {"type": "string"},
            "id": {"type": "string"},
            "retry": {"type": "integer", "minimum": 0},
        },
    }
    if key is not None:
        event["required"] = ["data"]
    return {"text/event-stream": {"itemSchema": event}}


def _default_status(route: OperationRoute) -> str:
    if route.status_code is not None:
        return str(route.status_code)
    cls = route.compiled.settings.response_class
    parameter = inspect.signature(cls.__init__).parameters.get("status_code")
    if parameter is not None and isinstance(parameter.default, int):
        return str(parameter.default)
    return "200"


def responses(prepared: PreparedRoute, registry: SchemaRegistry) -> dict[str, Any]:
    route = prepared.route
    cls = route.compiled.settings.response_class
    media_type = cls.media_type
    status = _default_status(route)
    responses: dict[str, Any] = {}
    default: dict[str, Any] = {"description": route.response_description}
    if prepared.stream is not None and is_body_allowed_for_status_code(status):
        default["content"] = stream_content(prepared, registry)
    elif media_type and is_body_allowed_for_status_code(status):
        if issubclass(cls, JSONResponse):
            schema: dict[str, Any] = {}
            if prepared.response_key is not None:
                schema = registry.schema(prepared.response_key)
                if "$ref" not in schema:
                    schema.setdefault("title", title_of(f"Response_{route.unique_id}"))
        else:
            schema = {"type": "string"}
        default["content"] = {media_type: {"schema": schema}}
    responses[status] = default
    for code, declared_response in route.responses.items():
        # A copy: the declared dict (an app's or router's `responses=`, shared by its
        # routes) is never written into, so each operation merges it afresh.
        extra = copy.deepcopy(dict(declared_response))
        extra.pop("model", None)
        status_key = str(code).upper()
        if status_key == "DEFAULT":
            status_key = "default"
        model_key = prepared.extra_models.get(str(code))
        model_schema: dict[str, Any] | None = None
        if model_key is not None:
            model_schema = registry.schema(model_key)
            if "$ref" not in model_schema:
                model_schema.setdefault("title", title_of(f"Response_{code}_{route.unique_id}"))
        response = responses.get(status_key)
        description = (
            extra.get("description")
            or (response or {}).get("description")
            or STATUS_CODE_RANGES.get(status_key.upper())
            or _phrase(status_key)
        )
        if response is None:
            # A new response keeps the declared keys' order, the model's schema and
            # the description added after them (FastAPI's order, seen where a path
            # item is served as written: see `render`).
            responses[status_key] = response = {}
            deep_dict_update(response, extra)
            if model_schema is not None:
                media = response.setdefault("content", {}).setdefault(
                    media_type or "application/json", {}
                )
                declared = media.get("schema")
                if isinstance(declared, dict):  # the declared schema wins, key by key
                    model_schema = copy.deepcopy(model_schema)
                    deep_dict_update(model_schema, declared)
                media["schema"] = (
                    declared
                    if declared is not None and not isinstance(declared, dict)
                    else model_schema
                )
        else:
            if model_schema is not None:
                content = response.setdefault("content", {})
                content.setdefault(media_type or "application/json", {})["schema"] = model_schema
            deep_dict_update(response, extra)
        response["description"] = description
    if prepared.has_inputs and not any(k in responses for k in ("422", "4XX", "default")):
        responses["422"] = VALIDATION_ERROR_RESPONSE
    return responses


def _phrase(status: str) -> str:
    try:
        return http.HTTPStatus(int(status)).phrase
    except ValueError:
        return "Additional Response"
