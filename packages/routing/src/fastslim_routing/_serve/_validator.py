"""One pydantic model per route over all its path/query/header/cookie slots.

`ParamsValidator(slots, rank)` compiles the model once. Per request, one
`validate_python` checks every slot; only when it fails is each slot validated
on its own, so valid slots still give their values (their dependencies run, as
in FastAPI) and each invalid slot gets its errors, relocated to
`(location, alias, ...)` and ordered as FastAPI orders them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from pydantic.fields import FieldInfo

from ._extract import MATCHED
from ._spec import LOCATION_RANK, ParamSpec, model_field_keys, model_of

ErrorKey = tuple[Any, ...]
"""(owner rank, location rank, declaration index): FastAPI's error order (an
override's parameters add their owner, see `_error_order`)."""
KeyedError = tuple[ErrorKey, dict[str, Any]]

_CONFIG = ConfigDict(arbitrary_types_allowed=True)


def field_definition(spec: ParamSpec, alias: Any = None) -> tuple[Any, FieldInfo]:
    """The (annotation, FieldInfo) of a slot: the declared constraints, read from
    `alias` (by default from the slot's own name)."""
    field = spec.field
    annotation = spec.annotation
    if field.metadata:
        annotation = Annotated[(annotation, *field.metadata)]
    extra: dict[str, Any] = {}
    if alias is not None:
        extra["validation_alias"] = alias
    if field.discriminator is not None:
        extra["discriminator"] = field.discriminator
    if field.validate_default is not None:
        extra["validate_default"] = field.validate_default
    if field.default_factory is not None:
        return annotation, Field(default_factory=field.default_factory, **extra)
    return annotation, Field(default=field.default, **extra)


def _field_aliases(spec: ParamSpec) -> dict[str, str]:
    """A parameter model's pydantic keys -> the names its errors give (a header
    model's `save_data` is `save-data`; an explicit alias is kept as written; with
    `loc_by_alias=False` the errors keep the fields' names, as pydantic gives them)."""
    if not spec.is_model or model_of(spec.annotation).model_config.get("loc_by_alias") is False:
        return {}
    return {
        choice: name
        for field in model_field_keys(spec)
        for choice, name in zip(field.choices, field.names, strict=True)
    }


class SlotErrors:
    """Relocates the pydantic errors of one slot to FastAPI's form."""

    __slots__ = ("aliases", "is_model", "key", "location", "name")

    def __init__(self, spec: ParamSpec, key: ErrorKey, location: str | None = None) -> None:
        self.location = location or spec.location
        self.name = spec.alias
        self.key = key
        self.aliases = _field_aliases(spec)
        self.is_model = spec.is_model

    def convert(self, error: Any, name: str | None = None) -> KeyedError:
        """`error` (a pydantic error dict of a slot) with `loc` rewritten; `name` is the
        request key that was read, when it differs from the parameter's alias."""
        loc = tuple(error["loc"][1:])
        if not self.is_model:
            loc = (name or self.name, *loc)
        elif loc and isinstance(loc[0], str):
            loc = (self.aliases.get(loc[0], loc[0]), *loc[1:])
        converted: dict[str, Any] = {
            "type": error["type"],
            "loc": (self.location, *loc),
            "msg": error["msg"],
            "input": None
            if error["type"] == "missing" and len(loc) <= (0 if self.is_model else 1)
            else error["input"],
        }
        if "ctx" in error:
            converted["ctx"] = error["ctx"]
        return self.key, converted


def make_model(name: str, fields: dict[str, tuple[Any, FieldInfo]]) -> type[BaseModel]:
    model: type[BaseModel] = create_model(name, __config__=_CONFIG, **fields)  # type: ignore[call-overload]
    return model


class ParamsValidator:
    """Validates the raw non-body values of a route in one call."""

    __slots__ = ("_definitions", "_single", "_validate", "errors_of", "slots")

    def __init__(
        self, slots: Sequence[tuple[str, ParamSpec]], rank: Callable[[ParamSpec], int]
    ) -> None:
        self.slots = tuple(slot for slot, _ in slots)
        definitions = {slot: field_definition(spec) for slot, spec in slots}
        model = make_model("RouteParameters", definitions)
        self._validate = model.__pydantic_validator__.validate_python
        self._definitions = definitions
        self._single: dict[str, Any] = {}  # per-slot validators, made on the first error
        self.errors_of = {
            slot: SlotErrors(spec, (rank(spec), LOCATION_RANK[spec.location], spec.index))
            for slot, spec in slots
        }

    def __call__(
        self, data: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, list[KeyedError]] | None]:
        """({slot: value} for valid slots, {slot: errors} or None)."""
        try:
            return self._validate(data).__dict__, None
        except ValidationError:
            return self._one_by_one(data)

    def _one_by_one(
        self, data: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, list[KeyedError]]]:
        values: dict[str, Any] = {}
        errors: dict[str, list[KeyedError]] = {}
        matched = data.get(MATCHED, {})
        for slot in self.slots:
            single = {slot: data[slot]} if slot in data else {}
            validator = self._single.get(slot)
            if validator is None:
                model = make_model(f"Parameter_{slot}", {slot: self._definitions[slot]})
                validator = self._single[slot] = model.__pydantic_validator__
            try:
                values[slot] = validator.validate_python(single).__dict__[slot]
            except ValidationError as exc:
                convert = self.errors_of[slot].convert
                name = matched.get(slot)
                errors[slot] = [convert(error, name) for error in exc.errors(include_url=False)]
        return values, errors
