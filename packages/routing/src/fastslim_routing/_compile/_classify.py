"""Pure classification: a fastslim-di `ParameterInfo` -> where its value comes from.

FastAPI's inference rules (FastAPI docs: Path Parameters, Query Parameters,
Request Body): a name in the path is a path parameter; a scalar, a sequence of
scalars, an Enum or a Literal is a query parameter; anything else (a pydantic
model, a dataclass, a dict...) is the body. `Query()`, `Header()`... in
`Annotated` or as the default value decide explicitly. `Request`, `Response`,
`BackgroundTasks`... are special values filled by the framework.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastslim_di import EMPTY, ParameterInfo

from .. import params
from .._serve._spec import (
    BODY,
    COOKIE,
    FORM,
    HEADER,
    PATH,
    QUERY,
    ParamSpec,
    is_json_string,
    is_model_class,
    is_scalar,
    is_scalar_sequence,
    is_upload,
    model_classes,
)


class DeclarationError(Exception):
    """A parameter declared in a way FastAPI refuses; the compiler names the route."""


_MARKERS = (params.Param, params.Body)


def merge_fields(infos: Sequence[FieldInfo]) -> FieldInfo:
    """One field from several (`Annotated[Alias, Field(ge=1), Query(le=5)]`): pydantic's
    merge, later wins per attribute, of the class of the last `Query()`/`Body()`..."""
    merged = infos[0] if len(infos) == 1 else FieldInfo.merge_field_infos(*infos)
    markers = [info for info in infos if isinstance(info, _MARKERS)]
    if not markers or merged is markers[-1]:
        return merged
    result = copy.copy(markers[-1])
    for name in FieldInfo.__slots__:
        setattr(result, name, getattr(merged, name))
    return result


def declared_field(parameter: ParameterInfo) -> FieldInfo | None:
    """Every `FieldInfo` declaring `parameter` (the type alias's `Field(...)`s, `Query()`,
    `Body()`... from `Annotated` or the default value), merged as FastAPI merges them.

    The result is a plain `FieldInfo` (constraints only) when no `Query()`/`Body()`...
    is among them. Raises `DeclarationError` for a default given twice.
    """
    in_metadata = [item for item in parameter.metadata if isinstance(item, FieldInfo)]
    if isinstance(parameter.default, FieldInfo):
        if any(isinstance(item, _MARKERS) for item in in_metadata):
            raise DeclarationError(
                "Cannot specify FastAPI annotations in `Annotated` and default value "
                f"together for {parameter.name!r}"
            )
        return merge_fields([*in_metadata, parameter.default])
    if not in_metadata:
        return None
    for field in in_metadata:
        if field.default is not PydanticUndefined:
            kind = type(field).__name__
            raise DeclarationError(
                f"`{kind}` default value cannot be set in `Annotated` for "
                f"{parameter.name!r}. Set the default value with `=` instead."
            )
    return merge_fields(in_metadata)


def _with_default(field: FieldInfo, parameter: ParameterInfo) -> FieldInfo:
    """`field` with the default of an `Annotated` declaration (`q: A[int, Query()] = 3`)."""
    if parameter.default is EMPTY or parameter.default is field:
        return field
    return merge_fields([field, FieldInfo(default=parameter.default)])


def _location_of(
    field: FieldInfo | None, parameter: ParameterInfo, path_names: frozenset[str]
) -> str:
    if isinstance(field, params.Param):
        # A bare `Param()` has no location of its own: a query parameter, as FastAPI's.
        kind = getattr(field, "in_", None)
        location: str = kind.value if kind is not None else QUERY
        if location != PATH and parameter.name in path_names and field.alias is None:
            raise DeclarationError(
                f"Cannot use `{type(field).__name__}` for path param {parameter.name!r}"
            )
        return location
    if isinstance(field, params.Body):
        if parameter.name in path_names:  # even with an alias, as FastAPI
            raise DeclarationError(
                f"Cannot use `{type(field).__name__}` for path param {parameter.name!r}"
            )
        return FORM if isinstance(field, params.Form) else BODY
    if parameter.name in path_names:
        return PATH
    if is_upload(parameter.annotation):
        return FORM
    # A sequence is a query parameter only when declared with `Query()` (FastAPI
    # docs: Query Parameters and String Validations, "Query parameter list").
    return QUERY if is_scalar(parameter.annotation) else BODY


def _lookup_keys(field: FieldInfo, alias: str) -> tuple[str, ...]:
    """The request keys tried in order: `AliasChoices("a", "b")` tries `a`, then `b`."""
    choices = getattr(field.validation_alias, "choices", None)
    if not choices:
        return (alias,)
    keys = []
    for choice in choices:
        if isinstance(choice, str):
            keys.append(choice)
        elif getattr(choice, "path", None) and isinstance(choice.path[0], str):
            keys.append(choice.path[0])
    return tuple(keys) or (alias,)


def _path_keys(field: FieldInfo, parameter: ParameterInfo) -> tuple[str, ...]:
    """A path parameter's keys, tried in order against the matched path (FastAPI 0.165):
    its `AliasChoices`, then its alias or name (the route's template, prefixes
    included, decides which one it has); with an `AliasPath`, its alias or name only
    (as before alias choices)."""
    fallback = field.alias if field.alias is not None else parameter.name
    if isinstance(field.validation_alias, str):
        return (field.validation_alias,)
    choices = getattr(field.validation_alias, "choices", None)
    if field.validation_alias is None or not choices:
        return (fallback,)
    if not all(isinstance(choice, str) for choice in choices):
        return (fallback,)
    return tuple(dict.fromkeys([*choices, fallback]))


def _alias_of(field: FieldInfo, parameter: ParameterInfo, location: str) -> str:
    if isinstance(field.validation_alias, str):
        return field.validation_alias
    if field.alias is not None:
        return field.alias
    if location == HEADER and getattr(field, "convert_underscores", True):
        return parameter.name.replace("_", "-")
    return parameter.name


def _field_for(location: str, default: Any) -> FieldInfo:
    factory = {
        PATH: params.Path,
        QUERY: params.Query,
        HEADER: params.Header,
        COOKIE: params.Cookie,
        BODY: params.Body,
        FORM: params.File,
    }[location]
    field: FieldInfo = (
        factory()
        if location == PATH
        else factory(PydanticUndefined if default is EMPTY else default)
    )
    return field


def _check_supported(location: str, annotation: Any, name: str) -> None:
    """FastAPI's declaration errors for types a location cannot carry (AssertionError
    subclass `DeclarationError`, with FastAPI's messages)."""
    if location == PATH and not is_scalar(annotation):
        raise DeclarationError("Path params must be of one of the supported types")
    if location in (QUERY, HEADER, COOKIE) and not (
        is_scalar(annotation) or is_scalar_sequence(annotation)
    ):
        kind = {QUERY: "Query", HEADER: "Header", COOKIE: "Cookie"}[location]
        raise DeclarationError(f"{kind} parameter {name!r} must be one of the supported types")


def classify(parameter: ParameterInfo, path_names: frozenset[str], index: int) -> ParamSpec:
    """The `ParamSpec` of a request parameter (not a special value).

    Raises `DeclarationError` for declarations FastAPI refuses.
    """
    field = declared_field(parameter)
    location = _location_of(field, parameter, path_names)
    if field is None:
        field = _field_for(location, parameter.default)
    elif not isinstance(field, _MARKERS):  # only `Field(...)`s: constraints, no location
        field = merge_fields([field, _field_for(location, parameter.default)])
    else:
        field = _with_default(field, parameter)
    annotation = parameter.annotation if parameter.annotation is not EMPTY else Any
    # The type's own metadata (`Json`, `StringConstraints`, validators...) came out of
    # `Annotated` with the declaration: put it back on the type.
    kept = [item for item in parameter.metadata if not isinstance(item, FieldInfo)]
    if kept:
        annotation = Annotated[(annotation, *kept)]
    if location == PATH and not field.is_required():
        field = FieldInfo.merge_field_infos(field, default=PydanticUndefined)
    is_model = (
        location in (QUERY, HEADER, COOKIE)
        and is_model_class(annotation)
        and not is_json_string(annotation)  # `Json[Model]`: one parameter holding JSON
    )
    is_model = is_model or (location == FORM and bool(model_classes(annotation)))
    if not is_model:
        _check_supported(location, annotation, parameter.name)
    if location == PATH:
        keys = _path_keys(field, parameter)
    else:
        keys = _lookup_keys(field, _alias_of(field, parameter, location))
    return ParamSpec(
        location=location,
        name=parameter.name,
        alias=keys[0],
        keys=keys,
        annotation=annotation,
        field=field,
        is_sequence=location != PATH and is_scalar_sequence(annotation),
        is_model=is_model,
        embed=bool(getattr(field, "embed", False)),
        owner=parameter.owner,
        index=index,
    )
