"""FastAPI 0.165's form helpers of `fastapi.dependencies.utils`, over `ModelField`
views and Starlette's `FormData` (cadwyn passes form models to FastAPI with them).

- `_get_form_models(field)` / `_get_form_model(field)`: the models a `Form()` /
  `File()` parameter takes (a model, or a union of models, `None` left out).
- `_get_param_aliases(field, *, convert_underscores=False)`: the (key, wire key)
  pairs a parameter is read under.
- `_get_multidict_value(field, values, alias)`: a parameter's raw value, or
  `PydanticUndefined` when missing (an empty form string counts as missing).
- `_extract_form_items` / `_extract_form_body`: the (key, value, field or None)
  items of a received form for the body parameters (`bytes` files read by the
  latter); `_is_form_model_supplied`, `_normalize_form_model`.

FastAPI docs: Form Models; Request Forms and Files.
"""

from __future__ import annotations

import types
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Union, get_args, get_origin

from pydantic import AliasChoices, BaseModel
from pydantic_core import PydanticUndefined
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUploadFile

from .. import params
from .annotations import (
    field_annotation_is_sequence,
    is_bytes_or_nonable_bytes_annotation,
    is_bytes_sequence_annotation,
)
from .fields import get_cached_model_fields
from .model_field import ModelField, lenient_issubclass

__all__ = (
    "_extract_form_body",
    "_extract_form_items",
    "_get_form_model",
    "_get_form_models",
    "_get_multidict_value",
    "_get_param_aliases",
    "_is_form_model_supplied",
    "_normalize_form_model",
)

_UNION_TYPES = (Union, types.UnionType)


def _get_form_models(field: ModelField) -> list[type[BaseModel]]:
    """The models of a form parameter annotated with a model or a union of models
    (`None` aside); `[]` for any other parameter."""
    if not isinstance(field.field_info, params.Form):
        return []
    annotation = field.field_info.annotation
    members = get_args(annotation) if get_origin(annotation) in _UNION_TYPES else (annotation,)
    members = tuple(member for member in members if member is not type(None))
    if members and all(lenient_issubclass(member, BaseModel) for member in members):
        return list(members)
    return []


def _get_form_model(field: ModelField) -> type[BaseModel] | None:
    """The one model of a form parameter; None for none or a union of several."""
    models = _get_form_models(field)
    return models[0] if len(models) == 1 else None


def _get_param_aliases(
    field: ModelField, *, convert_underscores: bool = False
) -> list[tuple[str, str]]:
    """(key, wire key) pairs: a string `validation_alias`; each choice of an
    `AliasChoices` of strings; else the alias, underscores turned into hyphens in
    the wire key with `convert_underscores` when no alias was given."""
    info = field.field_info
    validation = info.validation_alias
    if isinstance(validation, str):
        return [(validation, validation)]
    if isinstance(validation, AliasChoices) and all(
        isinstance(choice, str) for choice in validation.choices
    ):
        return [(choice, choice) for choice in validation.choices]  # type: ignore[misc]
    alias = field.alias
    wire = alias.replace("_", "-") if convert_underscores and info.alias is None else alias
    return [(alias, wire)]


def _is_sequence(field: ModelField) -> bool:
    return field_annotation_is_sequence(field.field_info.annotation)


def _get_multidict_value(field: ModelField, values: Mapping[str, Any], alias: str) -> Any:
    """The raw value of `field` under `alias` in `values` (every value for a
    sequence, from a multi-dict), or `PydanticUndefined` when absent, `None`, an
    empty sequence, or an empty string in a form."""
    getlist = getattr(values, "getlist", None)
    value: Any
    if _is_sequence(field) and getlist is not None:
        value = getlist(alias) or None
    else:
        value = values.get(alias)
    if value is None:
        return PydanticUndefined
    if isinstance(field.field_info, params.Form) and value == "":
        return PydanticUndefined
    return value


def _form_value(form: FormData, key: str) -> Any:
    found = form.getlist(key)
    return found if len(found) > 1 else found[0]


def _extract_form_items(
    body_fields: list[ModelField], received_body: FormData
) -> Iterator[tuple[str, Any, ModelField | None]]:
    """(key, value, field) of a received form: for a form model, every key (several
    values as a list) with no field; else each body parameter present, then the
    keys no parameter reads, with no field."""
    keys = list(dict.fromkeys(key for key, _ in received_body.multi_items()))
    if len(body_fields) == 1 and _get_form_models(body_fields[0]):
        for key in keys:
            yield key, _form_value(received_body, key), None
        return
    read: set[str] = set()
    for field in body_fields:
        alias = field.alias
        read.add(alias)
        value = _get_multidict_value(field, received_body, alias)
        if value is not PydanticUndefined:
            yield alias, value, field
    for key in keys:
        if key not in read:
            yield key, _form_value(received_body, key), None


async def _extract_form_body(
    body_fields: list[ModelField], received_body: FormData
) -> AsyncIterator[tuple[str, Any, ModelField | None]]:
    """`_extract_form_items`, with the uploads of `bytes` parameters read."""
    for key, value, field in _extract_form_items(body_fields, received_body):
        if field is not None:
            annotation = field.field_info.annotation
            if is_bytes_or_nonable_bytes_annotation(annotation) and isinstance(
                value, StarletteUploadFile
            ):
                value = await value.read()
            elif is_bytes_sequence_annotation(annotation) and isinstance(value, list):
                value = [
                    await item.read() if isinstance(item, StarletteUploadFile) else item
                    for item in value
                ]
        yield key, value, field


def _model_keys(model: type[BaseModel]) -> dict[str, ModelField]:
    keys: dict[str, ModelField] = {}
    for field in get_cached_model_fields(model):
        keys.setdefault(field.name, field)
        for key, _ in _get_param_aliases(field):
            keys.setdefault(key, field)
    return keys


def _is_form_model_supplied(model: type[BaseModel], received_body: FormData) -> bool:
    """Whether the form has a key of one of `model`'s fields (by its aliases)."""
    accepted = {
        key for field in get_cached_model_fields(model) for key, _ in _get_param_aliases(field)
    }
    return any(key in accepted for key in received_body)


def _normalize_form_model(value: Any, *, model: type[BaseModel]) -> Any:
    """A form dict shaped for `model`: a single value of a sequence field in a list,
    the last of several values of a scalar field, other values as they are; keys
    with an empty list last."""
    if not isinstance(value, dict):
        return value
    keys = _model_keys(model)
    shaped: dict[str, Any] = {}
    empty: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, list) and not item:
            empty[key] = item
            continue
        field = keys.get(key)
        if field is not None and _is_sequence(field):
            item = item if isinstance(item, list) else [item]
        elif field is not None and isinstance(item, list):
            item = item[-1]
        shaped[key] = item
    return {**shaped, **empty}
