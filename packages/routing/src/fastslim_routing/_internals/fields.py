"""FastAPI's field helpers (`fastapi._compat.v2`), for extensions.

Small functions over `ModelField` and pydantic's `FieldInfo`: building a body
model from fields, copying a field's declaration for another annotation,
walking the models a field refers to, the "missing" error, a sequence value
rebuilt as its declared class. Same names, signatures and results as FastAPI
0.165 (compared in `tests/compat/test_compat_against_fastapi.py`); fastslim's
routes never call them.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Sequence
from enum import Enum
from typing import Any, ForwardRef, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, create_model
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .. import params
from ..typed_signature import get_typed_annotation
from .annotations import field_annotation_is_scalar, sequence_annotation_to_type
from .model_field import ModelField, lenient_issubclass

__all__ = (
    "asdict",
    "copy_field_info",
    "create_body_model",
    "evaluate_forwardref",
    "get_cached_model_fields",
    "get_flat_models_from_annotation",
    "get_flat_models_from_field",
    "get_flat_models_from_fields",
    "get_flat_models_from_model",
    "get_missing_field_error",
    "get_model_fields",
    "get_model_name_map",
    "is_scalar_field",
    "normalize_name",
    "regenerate_error_with_loc",
    "serialize_sequence_value",
)

TypeModelOrEnum = type[BaseModel] | type[Enum]
TypeModelSet = set[TypeModelOrEnum]
ModelNameMap = dict[TypeModelOrEnum, str]

_ATTRIBUTES: dict[str, Any] = {
    "default": ...,
    "default_factory": None,
    "alias": None,
    "alias_priority": None,
    "validation_alias": None,
    "serialization_alias": None,
    "title": None,
    "field_title_generator": None,
    "description": None,
    "examples": None,
    "exclude": None,
    "exclude_if": None,
    "discriminator": None,
    "deprecated": None,
    "json_schema_extra": None,
    "frozen": None,
    "validate_default": None,
    "repr": True,
    "init": None,
    "init_var": None,
    "kw_only": None,
}
"""The pydantic field attributes `asdict` reports, with their defaults (FastAPI's `_Attrs`)."""

_UNIONS: tuple[Any, ...] = (Union, types.UnionType)
_NOT_NAME = re.compile(r"[^a-zA-Z0-9.\-_]")


def asdict(field_info: FieldInfo) -> dict[str, Any]:
    """`{"annotation": ..., "metadata": [...], "attributes": {name: value}}` of a
    field declaration, the attributes being those of FastAPI's `_Attrs` (`default`
    left out when the field is required)."""
    return {
        "annotation": field_info.annotation,
        "metadata": list(field_info.metadata),
        "attributes": {
            name: value
            for name in _ATTRIBUTES
            if (value := getattr(field_info, name)) is not PydanticUndefined
        },
    }


def regenerate_error_with_loc(
    *, errors: Sequence[Any], loc_prefix: tuple[str | int, ...]
) -> list[dict[str, Any]]:
    """Each error dict with `loc_prefix` put before its own `loc`."""
    return [{**error, "loc": loc_prefix + tuple(error.get("loc", ()))} for error in errors]


def get_missing_field_error(loc: tuple[int | str, ...]) -> dict[str, Any]:
    """A new "Field required" error at `loc`, with `input` None (FASTAPI-FACTS 10)."""
    return {"type": "missing", "loc": loc, "msg": "Field required", "input": None}


def normalize_name(name: str) -> str:
    """`name` with every character outside `[a-zA-Z0-9.-_]` replaced by `_`."""
    return _NOT_NAME.sub("_", name)


def serialize_sequence_value(*, field: ModelField, value: Any) -> Sequence[Any]:
    """`value` rebuilt as the sequence class `field` declares (`set[str]` -> a set,
    `Sequence[int]` -> a list); in a union the first member other than None decides.

    Raises `AssertionError` when that annotation is not a sequence class, as FastAPI."""
    annotation = field.field_info.annotation
    if get_origin(annotation) in _UNIONS:
        for arg in get_args(annotation):
            if arg is not type(None):
                annotation = arg
                break
    origin = get_origin(annotation) or annotation
    try:
        build = sequence_annotation_to_type[origin]
    except (KeyError, TypeError):
        raise AssertionError(
            f"serialize_sequence_value: {field.field_info.annotation!r} of field "
            f"{field.name!r} is not a sequence annotation"
        ) from None
    return build(value)  # type: ignore[no-any-return]


def copy_field_info(*, field_info: FieldInfo, annotation: Any) -> FieldInfo:
    """A new declaration of `field_info`'s class for `annotation`: its default and its
    class's own settings (`embed`, `media_type`, `convert_underscores`, ...) kept, the
    other pydantic attributes (alias, description, constraints, default_factory)
    reset, as FastAPI 0.165's."""
    cls = type(field_info)
    copied: FieldInfo = cls.__new__(cls)
    FieldInfo.__init__(copied, annotation=annotation)
    copied.default = field_info.default
    own = getattr(field_info, "__dict__", None)
    if own:
        copied.__dict__.update(own)
    return copied


def create_body_model(
    *, fields: Sequence[ModelField], model_name: str, config: ConfigDict | None = None
) -> type[BaseModel]:
    """A pydantic model named `model_name` with one field per `ModelField` (its name,
    annotation and declaration), configured by `config`."""
    definitions: dict[str, Any] = {
        field.name: (field.field_info.annotation, field.field_info) for field in fields
    }
    model: type[BaseModel] = create_model(model_name, __config__=config, **definitions)
    return model


def evaluate_forwardref(
    value: Any, globalns: dict[str, Any] | None = None, localns: dict[str, Any] | None = None
) -> Any:
    """A `ForwardRef` or string evaluated in `globalns` then `localns` (local names
    win); unchanged (a `ForwardRef`) when a name is not defined, never raising."""
    if not isinstance(value, str | ForwardRef):
        return value
    text = value if isinstance(value, str) else value.__forward_arg__
    evaluated = get_typed_annotation(text, {**(globalns or {}), **(localns or {})})
    if isinstance(evaluated, ForwardRef):
        return value if isinstance(value, ForwardRef) else evaluated
    return evaluated


def get_model_fields(model: type[BaseModel]) -> list[ModelField]:
    """One `ModelField` per field of `model` (named by attribute, `config` the model's)."""
    config = model.model_config
    return [
        ModelField(field_info=info, name=name, config=config)
        for name, info in model.model_fields.items()
    ]


@functools.lru_cache
def get_cached_model_fields(model: type[BaseModel]) -> list[ModelField]:
    """`get_model_fields(model)`, computed once per model."""
    return get_model_fields(model)


def is_scalar_field(field: ModelField) -> bool:
    """A scalar annotation not declared as a body, form or file."""
    return field_annotation_is_scalar(field.field_info.annotation) and not isinstance(
        field.field_info, params.Body
    )


def get_flat_models_from_annotation(annotation: Any, known_models: TypeModelSet) -> TypeModelSet:
    """The models and enums among `annotation`'s arguments, at any depth (the
    annotation itself not counted), added to `known_models` (returned)."""
    if get_origin(annotation) is None:
        return known_models
    for arg in get_args(annotation):
        if lenient_issubclass(arg, BaseModel) or lenient_issubclass(arg, Enum):
            if arg in known_models:
                get_flat_models_from_annotation(arg, known_models)
                continue
            known_models.add(arg)
            if lenient_issubclass(arg, BaseModel):
                get_flat_models_from_model(arg, known_models)
        else:
            get_flat_models_from_annotation(arg, known_models)
    return known_models


def get_flat_models_from_field(field: ModelField, known_models: TypeModelSet) -> TypeModelSet:
    """The model or enum `field` is declared as, and the models it refers to."""
    annotation = field.field_info.annotation
    if lenient_issubclass(annotation, BaseModel):
        if annotation not in known_models:
            known_models.add(annotation)
            get_flat_models_from_model(annotation, known_models)
    elif lenient_issubclass(annotation, Enum):
        known_models.add(annotation)
    else:
        get_flat_models_from_annotation(annotation, known_models)
    return known_models


def get_flat_models_from_fields(
    fields: Sequence[ModelField], known_models: TypeModelSet
) -> TypeModelSet:
    """`get_flat_models_from_field` of every field, into `known_models` (returned)."""
    for field in fields:
        get_flat_models_from_field(field, known_models)
    return known_models


def get_flat_models_from_model(
    model: type[BaseModel], known_models: TypeModelSet | None = None
) -> TypeModelSet:
    """The models and enums `model`'s fields refer to, at any depth (not `model`)."""
    known = known_models or set()
    return get_flat_models_from_fields(get_model_fields(model), known)


def get_model_name_map(unique_models: TypeModelSet) -> ModelNameMap:
    """Each model's schema name (`Page[int]` -> `Page_int_`); of several models with
    the same name only one is kept, as FastAPI 0.165."""
    by_name = {normalize_name(model.__name__): model for model in unique_models}
    return {model: name for name, model in by_name.items()}
