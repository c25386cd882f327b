"""One operation of the document: parameters, request body, responses, security.

`OperationBuilder.prepare(route)` registers the route's schemas in the
document's `SchemaRegistry`; once the registry has generated them,
`render(route, method)` gives the operation object.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, create_model
from pydantic.fields import FieldInfo
from starlette.routing import compile_path

from .. import params
from .._compile._compiler import _response_type, return_annotation
from .._serve._spec import PATH, ParamSpec, model_field_keys
from .._serve._stream import generator_kind, is_event_stream, stream_annotation
from ..sse import ServerSentEvent
from ..utils import deep_dict_update
from ._form_models import FormModelsBody, _members, has_form_models, is_model_union
from ._params import by_location, flat_specs, security_requirements
from ._responses import responses
from ._routes import OperationRoute
from ._schemas import SchemaRegistry, _schema_field, adapter_for, title_of
from .constants import REF_PREFIX


class _Param:
    """One OpenAPI parameter: where its schema is registered and what surrounds it."""

    __slots__ = ("alias", "field", "key", "location", "required", "title")

    def __init__(
        self,
        key: Any,
        location: str,
        alias: str,
        field: FieldInfo,
        required: bool,
        title: str | None = None,
    ) -> None:
        self.title = title or title_of(alias)
        self.key = key
        self.location = location
        self.alias = alias
        self.field = field
        self.required = required

    def render(self, registry: SchemaRegistry) -> dict[str, Any]:
        schema = registry.schema(self.key)
        if "$ref" not in schema:
            schema.setdefault("title", self.title)
        found: dict[str, Any] = {
            "name": self.alias,
            "in": self.location,
            "required": self.required,
            "schema": schema,
        }
        field = self.field
        if field.description:
            found["description"] = field.description
        openapi_examples = getattr(field, "openapi_examples", None)
        example = getattr(field, "example", None)
        if openapi_examples:
            found["examples"] = openapi_examples
        elif example is not None and not _is_unset(example):
            found["example"] = example
        if field.deprecated:
            found["deprecated"] = True
        return found


def _is_unset(value: Any) -> bool:
    return type(value).__name__ in ("_Unset", "PydanticUndefinedType", "_UnsetType")


def _model_params(spec: ParamSpec, prefix: Any) -> list[tuple[Any, str, FieldInfo, bool, Any, str]]:
    found = []
    for keys in model_field_keys(spec):
        field = keys.field
        # Fields of an optional model (`Model | None = None`) are all optional.
        required = field.is_required() and spec.required
        title = title_of(keys.choices[0])
        found.append(((prefix, keys.name), keys.names[0], field, required, field.annotation, title))
    return found


def _path_name(spec: ParamSpec, path: str) -> str:
    """A path parameter's name in the document: the first of its keys that the
    route's template (include prefixes too) has, as the request reads it."""
    if len(spec.keys) > 1:
        names = compile_path(path)[2]
        for key in spec.keys:
            if key in names:
                return key
    return spec.alias


class PreparedRoute:
    """A route's registered schemas, ready to render once the registry generated."""

    def __init__(self, route: OperationRoute) -> None:
        self.route = route
        self.params: list[_Param] = []
        self.body: tuple[Any, str, bool, str | None] | None = None
        self.response_key: Any = None
        self.has_inputs = False
        self.extra_models: dict[str, Any] = {}
        self.security: list[dict[str, list[str]]] = []
        self.schemes: dict[str, Any] = {}
        self.body_examples: dict[str, Any] | None = None
        self.form_models: FormModelsBody | None = None
        self.stream: tuple[str, Any] | None = None
        """("jsonl" or "sse", the registered item key or None when untyped)."""


def _response_schema_key(route: OperationRoute) -> tuple[Any, Any] | None:
    response_type, has_field = _response_type(route.compiled.settings)
    if not has_field or response_type is None or response_type is type(None):
        return None
    return ("response", id(route)), response_type


def prepare(route: OperationRoute, registry: SchemaRegistry) -> PreparedRoute:
    """Register every schema `route` needs in `registry`."""
    prepared = PreparedRoute(route)
    compiled = route.compiled
    specs, ellipsis = flat_specs(compiled.plan)
    plain, bodies = by_location(specs)
    for spec in plain:
        if not getattr(spec.field, "include_in_schema", True):
            continue
        prepared.has_inputs = True
        if spec.is_model:
            for key, alias, field, required, annotation, title in _model_params(
                spec, (id(route), spec.index)
            ):
                registry.add(key, adapter_for(annotation, field), "validation")
                prepared.params.append(_Param(key, spec.location, alias, field, required, title))
            continue
        key = ("param", id(route), len(prepared.params))
        registry.add(key, adapter_for(spec.annotation, spec.field), "validation")
        required = spec.location == PATH or (spec.required and id(spec) not in ellipsis)
        name = _path_name(spec, route.path) if spec.location == PATH else spec.alias
        prepared.params.append(_Param(key, spec.location, name, spec.field, required))
    bodies = [spec for spec in bodies if getattr(spec.field, "include_in_schema", True)]
    if bodies:
        prepared.has_inputs = True
        _prepare_body(prepared, bodies, registry)
    found = None if _prepare_stream(prepared, registry) else _response_schema_key(route)
    if found is not None:
        prepared.response_key = found[0]
        registry.add(found[0], adapter_for(found[1]), "serialization")
    for code, response in route.responses.items():
        model = response.get("model") if isinstance(response, dict) else None
        if model is not None:
            key = ("extra", id(route), str(code))
            registry.add(key, adapter_for(model), "serialization")
            prepared.extra_models[str(code)] = key
    merged: dict[str, list[str]] = {}
    for scheme, scopes in security_requirements(compiled.plan):
        scheme_scopes = merged.setdefault(scheme.scheme_name, [])
        scheme_scopes.extend(scope for scope in scopes if scope not in scheme_scopes)
        prepared.schemes[scheme.scheme_name] = scheme.model
    prepared.security = [{name: scopes} for name, scopes in merged.items()]
    return prepared


def _optional(spec: ParamSpec) -> bool:
    return _members(spec.annotation)[1]


def _prepare_stream(prepared: PreparedRoute, registry: SchemaRegistry) -> bool:
    """Register the item type of a streaming endpoint; False when it does not stream."""
    settings = prepared.route.compiled.settings
    kind = generator_kind(settings.endpoint)
    sse = is_event_stream(settings.response_class)
    if kind is None:
        return False
    annotated, item_type = stream_annotation(
        settings.response_model, return_annotation(settings.endpoint)
    )
    if not sse and not settings.class_is_default:
        return annotated  # raw chunks: described by the response class alone
    key = None
    if item_type is not None and item_type is not ServerSentEvent:
        key = ("item", id(prepared.route))
        registry.add(key, adapter_for(item_type), "serialization")
    prepared.stream = ("sse" if sse else "jsonl", key)
    return True


def _form_media_type(bodies: list[ParamSpec]) -> str | None:
    """The media type of a form body (None for another body), as FastAPI 0.165 names
    it: multipart when a file or a field declares it, else the one media type all
    form fields declare, else `application/x-www-form-urlencoded`."""
    forms = [spec.field for spec in bodies if isinstance(spec.field, params.Form)]
    if not forms:
        return None
    declared = {getattr(field, "media_type", None) for field in forms}
    if "multipart/form-data" in declared or any(isinstance(f, params.File) for f in forms):
        return "multipart/form-data"
    if len(declared) == 1 and isinstance(media := next(iter(declared)), str):
        return media
    return "application/x-www-form-urlencoded"


def _prepare_body(
    prepared: PreparedRoute, bodies: list[ParamSpec], registry: SchemaRegistry
) -> None:
    key = ("body", id(prepared.route))
    if not any(isinstance(spec.field, params.Form) for spec in bodies):
        named: dict[str, ParamSpec] = {}
        for spec in bodies:  # a JSON body parameter declared again under its name is one
            named.setdefault(spec.alias, spec)
        bodies = list(named.values())
    first = bodies[0]
    media_type = _form_media_type(bodies) or getattr(first.field, "media_type", "application/json")
    if len(bodies) == 1 and (
        not first.embed or (first.is_model and not _optional(first)) or is_model_union(first)
    ):
        registry.add(key, adapter_for(first.annotation, first.field), "validation")
        prepared.body = (key, first.alias, first.required, media_type)
        prepared.body_examples = getattr(first.field, "openapi_examples", None)
        return
    if has_form_models(bodies):
        name = f"Body_{prepared.route.unique_id}"
        prepared.form_models = FormModelsBody(name, bodies, key, registry)
        prepared.body = (key, "", any(spec.required for spec in bodies), media_type)
        return
    seen: dict[str, ParamSpec] = {}
    for spec in bodies:
        seen.setdefault(spec.alias, spec)
    fields: dict[str, Any] = {}
    for index, (alias, spec) in enumerate(seen.items()):
        fields[f"field_{index}"] = (spec.annotation, _schema_field(spec.field, alias))
    name = f"Body_{prepared.route.unique_id}"
    model: type[BaseModel] = create_model(name, **fields)
    registry.add(key, adapter_for(model), "validation")
    registry.required[name] = [spec.alias for spec in bodies if spec.required]
    required = any(spec.required for spec in seen.values())
    prepared.body = (key, "", required, media_type)


def operation_summary(*, route: Any, method: str) -> str:
    """The operation's summary: `route.summary`, else its name in title case."""
    summary: str = route.summary or route.name.replace("_", " ").title()
    return summary


def operation_metadata(*, route: Any, method: str, operation_ids: set[str]) -> dict[str, Any]:
    """Tags, summary, description, operationId and deprecation of an operation; warns
    (`UserWarning`) when its operation id is already in `operation_ids` (then adds it)."""
    import warnings

    operation: dict[str, Any] = {}
    if route.tags:
        operation["tags"] = [getattr(tag, "value", tag) for tag in route.tags]
    operation["summary"] = operation_summary(route=route, method=method)
    if route.description:
        operation["description"] = route.description
    operation_id = route.operation_id or route.unique_id
    if operation_id in operation_ids:
        message = f"Duplicate Operation ID {operation_id} for function {route.endpoint.__name__}"
        file_name = getattr(route.endpoint, "__globals__", {}).get("__file__")
        if file_name:
            message += f" at {file_name}"
        warnings.warn(message, stacklevel=1)
    operation_ids.add(operation_id)
    operation["operationId"] = operation_id
    if route.deprecated:
        operation["deprecated"] = route.deprecated
    return operation


def render(
    prepared: PreparedRoute, method: str, registry: SchemaRegistry, operation_ids: set[str]
) -> dict[str, Any]:
    """The operation object of `prepared` for `method`, its keys in FastAPI's order of
    building: metadata, security, parameters, request body (`required` first),
    responses (callbacks are put before them), then `openapi_extra`.

    That order is what FastAPI serves for a path item whose operations have parameters:
    `OpenAPI.paths` is `dict[str, PathItem | Any]`, and pydantic's union keeps such an
    item as the plain dict it is given. Other path items are validated as `PathItem`
    and come out in the models' field order (`get_openapi`)."""
    route = prepared.route
    operation = operation_metadata(route=route, method=method, operation_ids=operation_ids)
    if prepared.security:
        operation["security"] = prepared.security
    if prepared.params:
        _add_parameters(operation, prepared, registry)
    if prepared.body is not None and method.upper() in _METHODS_WITH_BODY:
        key, _, required, media_type = prepared.body
        if prepared.form_models is not None:
            name = prepared.form_models.name
            registry.definitions[name] = prepared.form_models.definition(registry, title_of)
            schema = {"$ref": REF_PREFIX + name}
        else:
            schema = registry.schema(key)
        alias = prepared.body[1]
        if alias and "$ref" not in schema:
            schema.setdefault("title", title_of(alias))
        media: dict[str, Any] = {"schema": schema}
        if prepared.body_examples:
            media["examples"] = prepared.body_examples
        content = {media_type: media}
        body: dict[str, Any] = {"required": True} if required else {}
        body["content"] = content
        operation["requestBody"] = body
    operation["responses"] = responses(prepared, registry)
    if route.openapi_extra:
        deep_dict_update(operation, route.openapi_extra)
    return operation


_METHODS_WITH_BODY = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}


def _add_parameters(
    operation: dict[str, Any], prepared: PreparedRoute, registry: SchemaRegistry
) -> None:
    rendered = [param.render(registry) for param in prepared.params]
    everything = {(p["in"], p["name"]): p for p in rendered}
    everything.update({(p["in"], p["name"]): p for p in rendered if p.get("required")})
    operation["parameters"] = list(everything.values())
