"""Request bodies with form models (`Annotated[Model, Form()]`) as FastAPI 0.165
describes them: one model alone is its own schema; models next to other form
fields (or optional models) make a `Body_...` component whose `allOf` holds the
models and whose `properties` hold the other fields. An optional model is
"either absent, or the model": absent is none of its keys sent (`not`/`anyOf` of
its keys), or no key at all for a model taking extras (`maxProperties: 0`).
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from .._serve._spec import FORM, ParamSpec, fields_keys
from ._schemas import SchemaRegistry, adapter_for


def _members(annotation: Any) -> tuple[list[Any], bool]:
    """(the non-None members of a union (or the type itself), whether None is one)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = get_args(annotation)
        return [arg for arg in args if arg is not type(None)], type(None) in args
    return [annotation], False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def is_model_union(spec: ParamSpec) -> bool:
    """A form parameter holding a union of models (no None): its schema stands alone."""
    members, optional = _members(spec.annotation)
    return (
        spec.location == FORM
        and len(members) > 1
        and not optional
        and all(_is_model(member) for member in members)
    )


def has_form_models(bodies: list[ParamSpec]) -> bool:
    return any(spec.location == FORM and spec.is_model for spec in bodies)


class FormModelsBody:
    """The registered parts of a `Body_...` component with form models."""

    def __init__(self, name: str, bodies: list[ParamSpec], key: Any, registry: SchemaRegistry):
        self.name = name
        self.parts: list[tuple[ParamSpec, Any]] = []
        for index, spec in enumerate(bodies):
            part_key = (key, "form-model", index)
            registry.add(part_key, adapter_for(spec.annotation, spec.field), "validation")
            self.parts.append((spec, part_key))

    def definition(self, registry: SchemaRegistry, title_of: Any) -> dict[str, Any]:
        all_of: list[Any] = []
        properties: dict[str, Any] = {}
        required: list[str] = []
        for spec, key in self.parts:
            schema = registry.schema(key)
            if not spec.is_model:
                if "$ref" not in schema:
                    schema.setdefault("title", title_of(spec.alias))
                properties[spec.alias] = schema
                if spec.required:
                    required.append(spec.alias)
                continue
            _, optional = _members(spec.annotation)
            if not optional:
                all_of.append(schema)
                continue
            all_of.extend(_optional_model(spec, schema, title_of))
        found: dict[str, Any] = {"allOf": all_of}
        if properties:
            found["properties"] = properties
        if required:
            found["required"] = required
        found["type"] = "object"
        found["title"] = self.name
        return found


def _absent(members: list[Any]) -> dict[str, Any]:
    """The schema of a form that leaves an optional model absent (the rule the form
    reader applies): no key at all for a model taking extras, else none of its keys
    (any validation alias or name it is read by); `{}` when it has none."""
    models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
    if any(model.model_config.get("extra") in ("allow", "forbid") for model in models):
        return {"maxProperties": 0}
    keys = {key for model in models for field in fields_keys(model) for key in field.choices}
    if not keys:
        return {}
    return {"not": {"anyOf": [{"required": [key]} for key in sorted(keys)]}}


def _optional_model(spec: ParamSpec, schema: dict[str, Any], title_of: Any) -> list[Any]:
    members, _ = _members(spec.annotation)
    absent = _absent(members)
    choices = [item for item in schema.get("anyOf", [schema]) if item != {"type": "null"}]
    model = {"anyOf": choices, "title": schema.get("title", title_of(spec.alias))}
    if spec.required:
        return [{"not": absent}, model]
    return [{"anyOf": [absent, model]}]
