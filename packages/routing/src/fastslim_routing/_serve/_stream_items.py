"""The items of a streaming path operation as JSON: typed (validated against the
item type, dumped compactly by pydantic-core with the `response_model_*` options)
or untyped (`jsonable_encoder`, then `json.dumps` with null for non-finite floats).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..encoders import jsonable_encoder
from ._encode import DumpOptions, response_errors

ErrorFactory = Callable[[list[dict[str, Any]], Any], Exception]


def finite(value: Any) -> Any:
    """JSON data with every NaN and infinity (at any depth, keys excepted) as None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [finite(item) for item in value]
    return value


def untyped_json(item: Any) -> str:
    """An untyped item as FastAPI writes it: `jsonable_encoder`, then `json.dumps`
    with its default separators (`{"a": 1}`), non-finite floats as `null`."""
    return json.dumps(finite(jsonable_encoder(item)))


class TypedItems:
    """Validates items against `item_type` and dumps them to compact JSON bytes.

    An invalid item raises the error made by `validation_error(errors, item)`.
    """

    __slots__ = ("_adapter", "_error", "_options")

    def __init__(self, item_type: Any, options: DumpOptions, validation_error: ErrorFactory):
        self._adapter: TypeAdapter[Any] = TypeAdapter(item_type)
        self._options = options
        self._error = validation_error

    def validate(self, item: Any) -> Any:
        try:
            return self._adapter.validate_python(item, from_attributes=True)
        except ValidationError as exc:
            raise self._error(response_errors(exc), item) from None

    def dump(self, item: Any) -> bytes:
        """The JSON bytes of a valid `item`."""
        options = self._options
        return self._adapter.dump_json(
            self.validate(item),
            include=options.include,
            exclude=options.exclude,
            by_alias=options.by_alias,
            exclude_unset=options.exclude_unset,
            exclude_defaults=options.exclude_defaults,
            exclude_none=options.exclude_none,
        )

    def json_line(self, item: Any) -> bytes:
        return self.dump(item) + b"\n"


def untyped_json_line(item: Any) -> str:
    return untyped_json(item) + "\n"
