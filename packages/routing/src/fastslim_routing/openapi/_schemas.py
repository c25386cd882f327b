"""JSON schemas of a whole document in one pass of pydantic's generator.

Every parameter, body and response of every operation is registered as a
`(key, mode, core schema)` input; `generate()` runs pydantic's
`generate_definitions` once, so that models shared by several operations get
one component each (with `-Input`/`-Output` names when their validation and
serialization schemas differ), then gives each key its schema. Type adapters
are cached by the declaration they stand for, so a thousand routes with the
same kinds of parameters build a handful of them.
"""

from __future__ import annotations

from typing import Annotated, Any, Protocol

from pydantic import BaseModel, Field, TypeAdapter
from pydantic.fields import FieldInfo
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from .constants import REF_TEMPLATE

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}
_FIELD_KEYS = ("title", "description", "deprecated", "discriminator")


def title_of(name: str) -> str:
    """pydantic's title of a field name: `item_id` -> `Item Id`."""
    return name.title().replace("_", " ").strip()


class OpenAPISchemaGenerator(GenerateJsonSchema):
    """pydantic's generator, without `"default": null` (as FastAPI's documents)."""

    def bytes_schema(self, schema: core_schema.BytesSchema) -> JsonSchemaValue:
        """Bytes (and uploaded files) as FastAPI 0.129.1+ describes them."""
        return {"type": "string", "contentMediaType": "application/octet-stream"}

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        if "default" in schema and schema["default"] is None:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)


def _field_key(annotation: Any, field: FieldInfo | None) -> Any:
    if field is None:
        return (annotation,)
    return (
        annotation,
        tuple(field.metadata),
        *(getattr(field, name) for name in _FIELD_KEYS),
        repr(field.default),
        field.default_factory,
        repr(field.examples),
        repr(field.json_schema_extra),
    )


class SchemaSource(Protocol):
    """What the registry needs of a type: its pydantic-core schema."""

    @property
    def core_schema(self) -> CoreSchema: ...


class _ModelSchema:
    """A pydantic model's own core schema (no `TypeAdapter` needed)."""

    __slots__ = ("core_schema",)

    def __init__(self, model: type[BaseModel]) -> None:
        self.core_schema: CoreSchema = model.__pydantic_core_schema__


def _plain_model(annotation: Any, field: FieldInfo | None) -> bool:
    """A complete model class declared with nothing that shows in its schema."""
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return False
    if not annotation.__pydantic_complete__:
        return False
    if field is None:
        return True
    shown = (field.title, field.description, field.examples, field.json_schema_extra)
    return (
        field.is_required()
        and not field.metadata
        and not field.deprecated
        and not any(value is not None for value in shown)
    )


def adapter_for(annotation: Any, field: FieldInfo | None = None) -> SchemaSource:
    """The core schema of `annotation` as declared by `field` (a cached `TypeAdapter`,
    or a plain model's own schema)."""
    if _plain_model(annotation, field):
        return _ModelSchema(annotation)
    key: Any = _field_key(annotation, field)
    try:
        found = _ADAPTERS.get(key)
    except TypeError:
        key = None
        found = None
    if found is None:
        target = Annotated[annotation, _schema_field(field)] if field is not None else annotation
        found = TypeAdapter(target)  # type: ignore[arg-type]
        if key is not None:
            _ADAPTERS[key] = found
    return found


def _schema_field(field: FieldInfo, alias: str | None = None) -> FieldInfo:
    """What of a declaration shows in a schema (with `alias`, as a model field's)."""
    values: dict[str, Any] = {}
    for name in ("title", "description", "examples", "json_schema_extra", "discriminator"):
        value = getattr(field, name)
        if value is not None:
            values[name] = value
    if alias is not None:
        values["alias"] = alias
        if field.deprecated:
            values["deprecated"] = field.deprecated
    elif field.deprecated and not callable(values.get("json_schema_extra")):
        # `deprecated` only shows for model fields; a parameter's schema shows it too.
        values["json_schema_extra"] = {**values.get("json_schema_extra", {}), "deprecated": True}
    if field.default_factory is not None:
        values["default_factory"] = field.default_factory
    else:
        values["default"] = field.default
    merged: FieldInfo = Field(**values)
    merged.metadata = list(field.metadata)
    return merged


def _walk_computed(schema: Any) -> bool:
    if isinstance(schema, dict):
        if schema.get("computed_fields"):
            return True
        return any(_walk_computed(value) for value in schema.values())
    if isinstance(schema, list):
        return any(_walk_computed(value) for value in schema)
    return False


def _has_computed(adapter: SchemaSource) -> bool:
    """Whether the adapted type has a computed field (in itself or a nested model)."""
    return _walk_computed(adapter.core_schema)


class SchemaRegistry:
    """Collects the schema inputs of a document; `generate()` resolves them."""

    def __init__(self, separate_input_output_schemas: bool = True) -> None:
        self.separate = separate_input_output_schemas
        self._inputs: list[tuple[Any, JsonSchemaMode, CoreSchema]] = []
        self._schemas: dict[Any, JsonSchemaValue] = {}
        self.definitions: dict[str, JsonSchemaValue] = {}
        self.required: dict[str, list[str]] = {}
        """Model name -> its `required` list as FastAPI writes it (a `Body_...` model
        lists a field once per parameter reading it)."""

    def add(self, key: Any, adapter: SchemaSource, mode: JsonSchemaMode) -> None:
        """Register `adapter`'s schema under `key` (mode `validation` or `serialization`)."""
        if not self.separate and not (mode == "serialization" and _has_computed(adapter)):
            # FastAPI keeps -Input/-Output apart for computed fields even then.
            mode = "validation"
        self._inputs.append(((key, mode), mode, adapter.core_schema))

    def generate(self) -> None:
        """Run pydantic's generator over every input (once per document)."""
        if not self._inputs:
            return
        generator = OpenAPISchemaGenerator(ref_template=REF_TEMPLATE)
        mapping, definitions = generator.generate_definitions(self._inputs)
        self._schemas = {key[0][0]: value for key, value in mapping.items()}
        self.definitions = {str(name): value for name, value in definitions.items()}
        for name, required in self.required.items():
            if name in self.definitions and required:
                self.definitions[name]["required"] = required

    def schema(self, key: Any) -> JsonSchemaValue:
        """A copy of the schema registered under `key` (after `generate()`)."""
        return dict(self._schemas[key])
