"""`ModelField`: one named pydantic field that validates and serializes alone.

FastAPI 0.165's `fastapi._compat.ModelField` (a dataclass of `field_info`, `name`,
`mode`, `config`) and `fastapi.utils.create_model_field`, with the same fields,
signatures and results (compared against FastAPI in `tests/compat`). fastslim's
own routes validate with one compiled model per route; these fields exist for
the libraries that build or read FastAPI's internals, and their validator is
built on first use.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeGuard, TypeVar

import pydantic.warnings
from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .._encoders import IncEx

__all__ = ("ModelField", "create_model_field", "lenient_issubclass")

_T = TypeVar("_T")

# pydantic >= 2.12 warns that a field's alias and default mean nothing to a
# TypeAdapter; here they are read by ModelField itself, never by the adapter.
_FIELD_ONLY: type[Warning] = getattr(
    pydantic.warnings, "UnsupportedFieldAttributeWarning", UserWarning
)


@dataclass
class ModelField:
    """A field: its pydantic `field_info` (annotation, default, aliases,
    constraints), its parameter `name`, and whether it validates input or
    serializes output (`mode`). Hashed by identity, compared by value, as FastAPI's."""

    field_info: FieldInfo
    name: str
    mode: Literal["validation", "serialization"] = "validation"
    config: ConfigDict | None = None

    def __hash__(self) -> int:
        return id(self)

    @property
    def alias(self) -> str:
        """The wire name: the field info's `alias`, else `name`."""
        alias = self.field_info.alias
        return alias if alias is not None else self.name

    @property
    def validation_alias(self) -> str | None:
        """The field info's `validation_alias` when it is a plain string, else None."""
        alias = self.field_info.validation_alias
        return alias if isinstance(alias, str) else None

    @property
    def serialization_alias(self) -> str | None:
        """The field info's `serialization_alias` when it is a plain string, else None."""
        alias = self.field_info.serialization_alias
        return alias if isinstance(alias, str) else None

    @property
    def default(self) -> Any:
        """The declared default; `PydanticUndefined` when the field is required."""
        return self.field_info.default

    def get_default(self) -> Any:
        """The default value, a `default_factory` called; `PydanticUndefined` if required."""
        if self.field_info.is_required():
            return PydanticUndefined
        return self.field_info.get_default(call_default_factory=True, validated_data={})

    @functools.cached_property
    def _type_adapter(self) -> TypeAdapter[Any]:
        annotated: Any = Annotated[self.field_info.annotation, self.field_info]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", _FIELD_ONLY)
            return TypeAdapter(annotated, config=self.config)

    def validate(
        self,
        value: Any,
        values: dict[str, Any] = {},  # noqa: B006  (FastAPI's signature; never mutated)
        *,
        loc: tuple[int | str, ...] = (),
    ) -> tuple[Any, list[dict[str, Any]]]:
        """`(validated value, [])`, or `(None, errors)` with each error's `loc`
        prefixed by `loc` (pydantic's error dicts without `url`). `values` is unused,
        kept for FastAPI's signature."""
        try:
            return self._type_adapter.validate_python(value, from_attributes=True), []
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            return None, [{**error, "loc": (*loc, *error["loc"])} for error in errors]

    def serialize(
        self,
        value: Any,
        *,
        mode: Literal["json", "python"] = "json",
        include: IncEx | None = None,
        exclude: IncEx | None = None,
        by_alias: bool = True,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> Any:
        """`value` dumped to Python data (`mode="json"`: JSON-compatible types)."""
        return self._type_adapter.dump_python(
            value,
            mode=mode,
            include=include,
            exclude=exclude,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )

    def serialize_json(
        self,
        value: Any,
        *,
        include: IncEx | None = None,
        exclude: IncEx | None = None,
        by_alias: bool = True,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> bytes:
        """`value` dumped to compact JSON bytes."""
        return self._type_adapter.dump_json(
            value,
            include=include,
            exclude=exclude,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
        )


def create_model_field(
    name: str,
    type_: Any,
    default: Any | None = PydanticUndefined,
    field_info: FieldInfo | None = None,
    alias: str | None = None,
    mode: Literal["validation", "serialization"] = "validation",
) -> ModelField:
    """A `ModelField` named `name` of type `type_`: `field_info` when given (its own
    annotation kept), else `FieldInfo(annotation=type_, default=default, alias=alias)`."""
    if field_info is None:
        field_info = FieldInfo(annotation=type_, default=default, alias=alias)
    return ModelField(field_info=field_info, name=name, mode=mode)


def lenient_issubclass(
    cls: Any, class_or_tuple: type[_T] | tuple[type[_T], ...] | None
) -> TypeGuard[type[_T]]:
    """`issubclass(cls, class_or_tuple)` for a class, False for anything else
    (instances, `list[int]`, None)."""
    try:
        return isinstance(cls, type) and issubclass(cls, class_or_tuple)  # type: ignore[arg-type]
    except TypeError:
        return False
