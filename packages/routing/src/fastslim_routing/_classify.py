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
import dataclasses
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Json
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastslim_di import EMPTY, ParameterInfo

from . import params
from .datastructures import UploadFile

PATH, QUERY, HEADER, COOKIE, BODY = "path", "query", "header", "cookie", "body"
FORM = "form"
"""A form field or an uploaded file (`Form()`, `File()`, `UploadFile`): read from the form."""
LOCATION_RANK = {PATH: 0, QUERY: 1, HEADER: 2, COOKIE: 3, BODY: 4, FORM: 4}

_JSON_MARKER: type = Json  # the metadata pydantic's `Json[T]` puts in `Annotated`
_SEQUENCE_ORIGINS = (list, set, frozenset, tuple, Sequence, typing.Sequence, typing.AbstractSet)
_UNION_ORIGINS: tuple[Any, ...] = (Union, types.UnionType)


class DeclarationError(Exception):
    """A parameter declared in a way FastAPI refuses; the compiler names the route."""


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """A request parameter: its location, the key it is read from and its field.

    `annotation` is the type to validate (with `Annotated` stripped), `field` the
    declaration (constraints in `field.metadata`), `default`/`required` resolved
    from both declaration styles. `is_sequence`: read every value of the key
    (`?a=1&a=2`). `is_model`: a pydantic model grouping several parameters of
    one location (`Annotated[Model, Query()]`). `embed`: a body parameter
    declared with `Body(embed=True)`.
    """

    location: str
    name: str
    alias: str
    keys: tuple[str, ...]
    annotation: Any
    field: FieldInfo
    is_sequence: bool
    is_model: bool
    embed: bool
    owner: Callable[..., Any]
    index: int
    """Declaration order of the parameter in the route (for error order)."""

    @property
    def required(self) -> bool:
        return self.field.default is PydanticUndefined and self.field.default_factory is None


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in _UNION_ORIGINS:
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return _strip_optional(args[0])
    if get_origin(annotation) is Annotated:
        return _strip_optional(get_args(annotation)[0])
    return annotation


def strip_optional(annotation: Any) -> Any:
    """`annotation` without `Optional[...]` and `Annotated[...]` around it."""
    return _strip_optional(annotation)


def is_upload(annotation: Any) -> bool:
    """`UploadFile`, optional or in a list: a file parameter even without `File()`."""
    annotation = _strip_optional(annotation)
    if isinstance(annotation, type):
        return issubclass(annotation, UploadFile)
    if get_origin(annotation) in _SEQUENCE_ORIGINS:
        return any(is_upload(arg) for arg in get_args(annotation))
    return False


def is_json_string(annotation: Any) -> bool:
    """`Json[T]` (optionally in `Optional`): one string holding JSON, parsed by pydantic."""
    origin = get_origin(annotation)
    if origin in _UNION_ORIGINS:
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        return len(args) == 1 and is_json_string(args[0])
    if origin is Annotated:
        return any(
            isinstance(item, _JSON_MARKER) for item in annotation.__metadata__
        ) or is_json_string(get_args(annotation)[0])
    return False


def is_scalar(annotation: Any) -> bool:
    """A value read from one string: not a model, mapping, sequence or dataclass."""
    if is_json_string(annotation):
        return True
    annotation = _strip_optional(annotation)
    if annotation is EMPTY or annotation is Any:
        return True
    origin = get_origin(annotation)
    if origin in _UNION_ORIGINS:
        return all(is_scalar(arg) for arg in get_args(annotation) if arg is not type(None))
    if origin is Literal:
        return True
    if origin is not None:
        return False
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel | Mapping) or dataclasses.is_dataclass(annotation):
            return False
        if issubclass(annotation, str | bytes):
            return True
        if issubclass(annotation, Sequence | set | frozenset):
            return False
        return not typing.is_typeddict(annotation)
    return True


def is_scalar_sequence(annotation: Any) -> bool:
    """`list[int]`, `set[str]`, `tuple[int, ...]`...: one query key repeated."""
    if is_json_string(annotation):
        return False
    annotation = _strip_optional(annotation)
    origin = get_origin(annotation)
    if origin in _UNION_ORIGINS:
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        return any(is_scalar_sequence(arg) for arg in args) and all(
            is_scalar_sequence(arg) or is_scalar(arg) for arg in args
        )
    if annotation in (list, set, frozenset, tuple):
        return True
    if origin in _SEQUENCE_ORIGINS:
        return all(is_scalar(arg) for arg in get_args(annotation) if arg is not Ellipsis)
    return False


def is_model_class(annotation: Any) -> bool:
    annotation = _strip_optional(annotation)
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def model_of(annotation: Any) -> type[BaseModel]:
    """The model class of a parameter model's annotation (`Model`, `Model | None`)."""
    model = _strip_optional(annotation)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"{annotation!r} is not a pydantic model")
    return model


def model_classes(annotation: Any) -> tuple[type[BaseModel], ...]:
    """The models of `Model`, `Model | None` or `A | B | None`; () unless all are models."""
    annotation = _strip_optional(annotation)
    members = get_args(annotation) if get_origin(annotation) in _UNION_ORIGINS else (annotation,)
    members = tuple(_strip_optional(m) for m in members if m is not type(None))
    if members and all(isinstance(m, type) and issubclass(m, BaseModel) for m in members):
        return members
    return ()


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
        location: str = field.in_.value
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
    is_model = location in (QUERY, HEADER, COOKIE) and is_model_class(annotation)
    is_model = is_model or (location == FORM and bool(model_classes(annotation)))
    if not is_model:
        _check_supported(location, annotation, parameter.name)
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
