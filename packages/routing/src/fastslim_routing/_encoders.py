"""`jsonable_encoder`: any object to JSON-compatible Python data, as FastAPI does it.

Built-in JSON types of their exact class return at once; dicts and sequences
recurse; other classes go through FastAPI's order of checks (custom encoder,
Pydantic model, dataclass, Enum, path, primitive subclass, undefined, dict,
sequence, `ENCODERS_BY_TYPE`, then `dict(obj)` / `vars(obj)`). A class found to be
none of the special kinds is remembered, so later objects of it go straight to
`ENCODERS_BY_TYPE` (read at call time: changes to it apply).
"""

from __future__ import annotations

import dataclasses
import datetime
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum
from ipaddress import (
    IPv4Address,
    IPv4Interface,
    IPv4Network,
    IPv6Address,
    IPv6Interface,
    IPv6Network,
)
from pathlib import Path, PurePath
from re import Pattern
from types import GeneratorType
from typing import Any, TypeAlias
from uuid import UUID

from pydantic import AnyUrl, BaseModel, NameEmail, SecretBytes, SecretStr
from pydantic.color import Color
from pydantic_core import PydanticUndefinedType, Url

from .exceptions import PydanticV1NotSupportedError

__all__ = (
    "ENCODERS_BY_TYPE",
    "IncEx",
    "decimal_encoder",
    "encoders_by_class_tuples",
    "generate_encoders_by_class_tuples",
    "isoformat",
    "jsonable_encoder",
)

IncEx: TypeAlias = set[int] | set[str] | Mapping[int, Any] | Mapping[str, Any]
"""Pydantic's `include`/`exclude`: a set of field names (or indexes), or a mapping."""

Encoder: TypeAlias = Callable[[Any], Any]


def isoformat(o: datetime.date | datetime.time) -> str:
    """`o.isoformat()`: `"2020-01-02"`, `"2020-01-02T03:04:05+02:00"`, `"01:02:03.000400"`."""
    return o.isoformat()


def decimal_encoder(dec_value: Decimal) -> int | float:
    """A Decimal as an int when its exponent is >= 0 (`Decimal("1E+2")` -> 100), else a float.

    `Decimal("1.50")` -> 1.5, `Decimal("NaN")` -> nan; a signaling NaN raises ValueError.
    """
    exponent = dec_value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(dec_value)
    return float(dec_value)


ENCODERS_BY_TYPE: dict[type[Any], Encoder] = {
    bytes: lambda o: o.decode(),
    Color: str,
    datetime.date: isoformat,
    datetime.datetime: isoformat,
    datetime.time: isoformat,
    datetime.timedelta: lambda td: td.total_seconds(),
    Decimal: decimal_encoder,
    Enum: lambda o: o.value,
    frozenset: list,
    deque: list,
    GeneratorType: list,
    IPv4Address: str,
    IPv4Interface: str,
    IPv4Network: str,
    IPv6Address: str,
    IPv6Interface: str,
    IPv6Network: str,
    NameEmail: str,
    Path: str,
    Pattern: lambda o: o.pattern,
    SecretBytes: str,
    SecretStr: str,
    set: list,
    UUID: str,
    Url: str,
    AnyUrl: str,
}
"""Encoders by exact class, read at each call (an app may add its own)."""

try:  # pragma: no cover - only with the optional pydantic-extra-types
    from pydantic_extra_types.color import Color as _ExtraColor  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    pass
else:  # pragma: no cover
    ENCODERS_BY_TYPE[_ExtraColor] = str


def generate_encoders_by_class_tuples(
    type_encoder_map: dict[Any, Encoder],
) -> dict[Encoder, tuple[Any, ...]]:
    """Group a `{class: encoder}` map by encoder: `{encoder: (class, ...)}`."""
    by_encoder: dict[Encoder, tuple[Any, ...]] = defaultdict(tuple)
    for type_, encoder in type_encoder_map.items():
        by_encoder[encoder] += (type_,)
    return by_encoder


encoders_by_class_tuples = generate_encoders_by_class_tuples(ENCODERS_BY_TYPE)
"""`ENCODERS_BY_TYPE` grouped by encoder, for subclasses (computed once, at import)."""

_IDENTITY = frozenset({str, int, float, bool, type(None)})
_SEQUENCE_TYPES = (list, set, frozenset, GeneratorType, tuple, deque)
_EXACT_SEQUENCES = frozenset(_SEQUENCE_TYPES)
_PRIMITIVES = (str, int, float, type(None))
_plain_classes: set[type[Any]] = set()
"""Classes that are none of the kinds checked before `ENCODERS_BY_TYPE`."""


def _is_pydantic_v1_model(obj: Any) -> bool:
    v1 = sys.modules.get("pydantic.v1")  # no pydantic.v1 model exists before its import
    return v1 is not None and isinstance(obj, v1.BaseModel)


def _custom_encoder_for(obj: Any, custom_encoder: dict[Any, Encoder]) -> Encoder | None:
    encoder = custom_encoder.get(type(obj))
    if encoder is not None:
        return encoder
    for encoder_type, candidate in custom_encoder.items():
        if isinstance(obj, encoder_type):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class _Options:
    include: IncEx | None = None
    exclude: IncEx | None = None
    by_alias: bool = True
    exclude_unset: bool = False
    exclude_defaults: bool = False
    exclude_none: bool = False
    custom_encoder: dict[Any, Encoder] | None = None
    sqlalchemy_safe: bool = True

    def unfiltered(self) -> _Options:
        """The options for the keys and values of a dict: no include/exclude."""
        if self.include is None and self.exclude is None:
            return self
        return replace(self, include=None, exclude=None)


_DEFAULT_OPTIONS = _Options()


def jsonable_encoder(
    obj: Any,
    include: IncEx | None = None,
    exclude: IncEx | None = None,
    by_alias: bool = True,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
    custom_encoder: dict[Any, Encoder] | None = None,
    sqlalchemy_safe: bool = True,
) -> Any:
    """`obj` as JSON-compatible data (dicts, lists, str, int, float, bool, None).

    Pydantic models: `model_dump(mode="json")` with `include`, `exclude`, `by_alias`
    and the `exclude_*` flags. Dataclasses, objects with `__dict__` and mappings:
    dicts whose keys and values are encoded in turn (`include`/`exclude` filter the
    keys of this dict only, and the items of a list; `sqlalchemy_safe` drops keys
    starting with `"_sa"`). Lists, tuples, sets, frozensets, deques and
    generators: lists. Datetimes, dates and times: ISO 8601 strings; timedelta:
    seconds (float); Decimal: int or float; Enum: its value; UUID, paths, IP
    addresses, URLs and secrets: strings; bytes: decoded as UTF-8. NaN and
    infinities are returned as floats. `custom_encoder` (`{class: function}`, by
    exact class, then by isinstance in order) wins over all, except inside a
    Pydantic model (dumped by Pydantic).

    Raises `PydanticV1NotSupportedError` for a `pydantic.v1` model, and ValueError
    (whose argument lists the errors of `dict(obj)` and `vars(obj)`) for an object
    it cannot encode.
    """
    options = encoder_options(
        include,
        exclude,
        by_alias,
        exclude_unset,
        exclude_defaults,
        exclude_none,
        custom_encoder,
        sqlalchemy_safe,
    )
    return _encode(obj, options)


def encoder_options(
    include: IncEx | None = None,
    exclude: IncEx | None = None,
    by_alias: bool = True,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
    custom_encoder: dict[Any, Encoder] | None = None,
    sqlalchemy_safe: bool = True,
) -> _Options:
    """`jsonable_encoder`'s keyword arguments, taken once: `encode(obj, options)` is
    then `jsonable_encoder(obj, **the same arguments)` (a response serializer
    decides them when its route is compiled)."""
    if (
        include is None
        and exclude is None
        and by_alias
        and not (exclude_unset or exclude_defaults or exclude_none or custom_encoder)
        and sqlalchemy_safe
    ):
        return _DEFAULT_OPTIONS
    return _Options(
        include,
        exclude,
        by_alias,
        exclude_unset,
        exclude_defaults,
        exclude_none,
        custom_encoder,
        sqlalchemy_safe,
    )


def _encode(obj: Any, options: _Options) -> Any:
    cls = type(obj)
    if options.custom_encoder:
        encoder = _custom_encoder_for(obj, options.custom_encoder)
        if encoder is not None:
            return encoder(obj)
    if cls in _IDENTITY:
        return obj
    if cls is dict:
        if options is _DEFAULT_OPTIONS:
            return _encode_plain_dict(obj)
        return _encode_dict(obj, options)
    if cls in _EXACT_SEQUENCES:
        return _encode_sequence(obj, options)
    if cls in _plain_classes:
        return _encode_leaf(obj, options)
    return _encode_other(obj, options)


def _encode_dict(obj: Mapping[Any, Any], options: _Options) -> dict[Any, Any]:
    if options is _DEFAULT_OPTIONS:
        return _encode_plain_dict(obj)
    allowed: set[Any] | None = None
    if options.include is not None or options.exclude is not None:
        allowed = set(obj.keys())
        if options.include is not None:
            allowed &= set(options.include)
        if options.exclude is not None:
            allowed -= set(options.exclude)
    inner = options.unfiltered()
    fast = not options.custom_encoder
    exclude_none, sqlalchemy_safe = options.exclude_none, options.sqlalchemy_safe
    encoded: dict[Any, Any] = {}
    for key, value in obj.items():
        if (
            (sqlalchemy_safe and isinstance(key, str) and key.startswith("_sa"))
            or (exclude_none and value is None)
            or (allowed is not None and key not in allowed)
        ):
            continue
        if not (fast and type(key) is str):
            key = _encode(key, inner)
        if not fast:
            value = _encode(value, inner)
        elif (kind := type(value)) not in _IDENTITY:
            # Nested dicts and lists call straight down: one Python frame per level of
            # nesting, so deep JSON documents encode as deep as with FastAPI.
            if kind is dict:
                value = _encode_dict(value, inner)
            elif kind in _EXACT_SEQUENCES:
                value = _encode_sequence(value, inner)
            else:
                value = _encode(value, inner)
        encoded[key] = value
    return encoded


def _encode_plain_dict(obj: Mapping[Any, Any]) -> dict[Any, Any]:
    """`_encode_dict` with the default options (the common case, each response without
    a response model): every key but those starting with "_sa", None values kept."""
    encoded: dict[Any, Any] = {}
    for key, value in obj.items():
        if type(key) is str:
            if key.startswith("_sa"):
                continue
        else:
            if isinstance(key, str) and key.startswith("_sa"):
                continue
            key = _encode(key, _DEFAULT_OPTIONS)
        kind = type(value)
        if kind not in _IDENTITY:
            if kind is dict:
                value = _encode_plain_dict(value)
            elif kind in _EXACT_SEQUENCES:
                value = _encode_sequence(value, _DEFAULT_OPTIONS)
            else:
                value = _encode(value, _DEFAULT_OPTIONS)
        encoded[key] = value
    return encoded


def _encode_sequence(obj: Any, options: _Options) -> list[Any]:
    if options.custom_encoder:
        return [_encode(item, options) for item in obj]
    encoded = []  # a loop, not a comprehension: no extra frame per level of nesting
    for item in obj:
        kind = type(item)
        if kind in _IDENTITY:
            encoded.append(item)
        elif kind is dict:
            if options is _DEFAULT_OPTIONS:
                encoded.append(_encode_plain_dict(item))
            else:
                encoded.append(_encode_dict(item, options))
        elif kind in _EXACT_SEQUENCES:
            encoded.append(_encode_sequence(item, options))
        else:
            encoded.append(_encode(item, options))
    return encoded


def _encode_model(obj: BaseModel, options: _Options) -> Any:
    dumped = obj.model_dump(
        mode="json",
        include=options.include,
        exclude=options.exclude,
        by_alias=options.by_alias,
        exclude_unset=options.exclude_unset,
        exclude_none=options.exclude_none,
        exclude_defaults=options.exclude_defaults,
    )
    inner = _Options(
        exclude_none=options.exclude_none,
        exclude_defaults=options.exclude_defaults,
        sqlalchemy_safe=options.sqlalchemy_safe,
    )
    return _encode(dumped, inner)


def _encode_other(obj: Any, options: _Options) -> Any:
    """Every class that is not a built-in JSON type, in FastAPI's order of checks."""
    if isinstance(obj, BaseModel):
        return _encode_model(obj, options)
    if _is_pydantic_v1_model(obj):
        raise PydanticV1NotSupportedError(
            "pydantic.v1 models are no longer supported by FastAPI. "
            f"Please update the model {obj!r}."
        )
    if dataclasses.is_dataclass(obj):
        if isinstance(obj, type):
            raise TypeError(f"jsonable_encoder() needs a dataclass instance, not {obj!r}.")
        return _encode(dataclasses.asdict(obj), options)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, PurePath):
        return str(obj)
    if isinstance(obj, _PRIMITIVES):
        return obj
    if isinstance(obj, PydanticUndefinedType):
        return None
    if isinstance(obj, dict):
        return _encode_dict(obj, options)
    if isinstance(obj, _SEQUENCE_TYPES):
        return _encode_sequence(obj, options)
    if not isinstance(obj, type):  # a class's kind is fixed; a class object's is not
        _plain_classes.add(type(obj))
    return _encode_leaf(obj, options)


def _encode_leaf(obj: Any, options: _Options) -> Any:
    """`ENCODERS_BY_TYPE`, then by isinstance, then the object's `dict()` or `vars()`."""
    encoder = ENCODERS_BY_TYPE.get(type(obj))
    if encoder is not None:
        return encoder(obj)
    for class_encoder, classes in encoders_by_class_tuples.items():
        if isinstance(obj, classes):
            return class_encoder(obj)
    errors: list[Exception] = []
    try:
        data = dict(obj)
    except Exception as exc:
        errors.append(exc)
        try:
            data = vars(obj)
        except Exception as exc:
            errors.append(exc)
            raise ValueError(errors) from exc
    return _encode(data, options)


encode: Callable[[Any, _Options], Any] = _encode
"""`encode(obj, options)`: `jsonable_encoder(obj, ...)` with the arguments taken by
`encoder_options` (no frame of its own)."""

encode_plain_dict: Callable[[Mapping[Any, Any]], dict[Any, Any]] = _encode_plain_dict
"""`encode(obj, DEFAULT_OPTIONS)` for an `obj` whose type is `dict`."""
DEFAULT_OPTIONS = _DEFAULT_OPTIONS
"""What `encoder_options()` returns for jsonable_encoder's default arguments."""
