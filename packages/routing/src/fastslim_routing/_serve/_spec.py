"""A request parameter as the serving code sees it: its location (`PATH`...`FORM`),
`ParamSpec`, and the predicates on annotations both rooms read (FastAPI docs: Path
Parameters, Query Parameters, Request Body)."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Json
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastslim_di import EMPTY

from ..datastructures import UploadFile

PATH, QUERY, HEADER, COOKIE, BODY = "path", "query", "header", "cookie", "body"


FORM = "form"
"""A form field or an uploaded file (`Form()`, `File()`, `UploadFile`): read from the form."""


LOCATION_RANK = {PATH: 0, QUERY: 1, HEADER: 2, COOKIE: 3, BODY: 4, FORM: 4}


_JSON_MARKER: type = Json  # the metadata pydantic's `Json[T]` puts in `Annotated`


_SEQUENCE_ORIGINS = (list, set, frozenset, tuple, Sequence, typing.Sequence, typing.AbstractSet)


_UNION_ORIGINS: tuple[Any, ...] = (Union, types.UnionType)


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


@dataclass(frozen=True, slots=True)
class ModelFieldKeys:
    """Where one field of a query, header or cookie parameter model is read from.

    `choices`: the keys pydantic validates the field from, in order: its
    `validation_alias` (each string of an `AliasChoices`, the first key of an
    `AliasPath`) or `alias`, then its name when the model validates by name (or
    only its name with `validate_by_alias=False`). `names`: the same keys as the
    request and the document name them (a header model converts the underscores of
    the field's name to hyphens; an alias is literal). `wire`: the keys looked up
    in the request (lower-cased for headers, whose names are case-insensitive;
    cookies and query keys are case-sensitive). `paths`: the keys of an `AliasPath`,
    read with every value (FastAPI docs: Header Parameter Models).
    """

    name: str
    field: FieldInfo
    choices: tuple[str, ...]
    names: tuple[str, ...]
    wire: tuple[str, ...]
    paths: frozenset[str]


def _alias_choices(field: FieldInfo) -> tuple[list[str], set[str]]:
    alias = field.validation_alias
    if isinstance(alias, str):
        return [alias], set()
    keys: list[str] = []
    paths: set[str] = set()
    choices: Any = getattr(alias, "choices", None) or ((alias,) if alias is not None else ())
    for choice in choices:
        path = getattr(choice, "path", None)
        if isinstance(choice, str):
            keys.append(choice)
        elif path and isinstance(path[0], str):
            keys.append(path[0])
            paths.add(path[0])
    if not keys and field.alias is not None:
        keys.append(field.alias)
    return keys, paths


def model_field_keys(spec: ParamSpec) -> tuple[ModelFieldKeys, ...]:
    """The `ModelFieldKeys` of each field of a parameter model `spec`, in order."""
    header = spec.location == HEADER
    convert = header and getattr(spec.field, "convert_underscores", True)
    return fields_keys(model_of(spec.annotation), header=header, convert=convert)


def fields_keys(
    model: type[BaseModel], *, header: bool = False, convert: bool = False
) -> tuple[ModelFieldKeys, ...]:
    """The `ModelFieldKeys` of each field of `model`, in order (a form model's too:
    not a header, nothing converted)."""
    config = model.model_config
    by_alias = config.get("validate_by_alias", True) is not False
    by_name = bool(config.get("validate_by_name") or config.get("populate_by_name"))
    found = []
    for name, field in model.model_fields.items():
        aliases, paths = _alias_choices(field) if by_alias else ([], set())
        pairs = [(alias, alias) for alias in aliases]
        if (not aliases or by_name or not by_alias) and name not in aliases:
            pairs.append((name, name.replace("_", "-") if convert else name))
        choices = tuple(choice for choice, _ in pairs)
        names = tuple(request_name for _, request_name in pairs)
        wire = tuple(key.lower() for key in names) if header else names
        found.append(ModelFieldKeys(name, field, choices, names, wire, frozenset(paths)))
    return tuple(found)


def is_nullable(annotation: Any) -> bool:
    """`X | None` (or `Optional[X]`, inside `Annotated` too)."""
    if get_origin(annotation) is Annotated:
        return is_nullable(get_args(annotation)[0])
    return get_origin(annotation) in _UNION_ORIGINS and type(None) in get_args(annotation)
