"""`request_params_to_args` for a parameter model (`Annotated[Model, Query()]`, FastAPI
docs: Query Parameter Models, Header Parameter Models, Cookie Parameter Models).

The model receives its location as a route's does (`_serve._extract.Extractor`: each
field's first key sent, every value of a list field, a query's last value and a
header's first, the keys no field read as extras in their own shape), read from the
caller's mapping (`QueryParams`, `MultiDict`, `Headers`, a dict) grouped in one pass,
so the cost stays linear in the number of entries however many keys repeat.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .._serve._extract import Extractor
from .._serve._spec import HEADER, ParamSpec, is_model_class
from .model_field import ModelField

__all__ = ("is_model_param", "model_input")

_SLOT = "model"


def is_model_param(field: ModelField) -> bool:
    """Whether `field` is a parameter model (`Model`, `Model | None`)."""
    return is_model_class(field.field_info.annotation)


class _Grouped:
    """A received mapping's entries by key, grouped once: `get` (a header's first value,
    else the last), `getlist`, `in` and iteration in constant time per key."""

    __slots__ = ("_first", "_lists")

    def __init__(self, received: Mapping[str, Any], *, first: bool) -> None:
        multi_items = getattr(received, "multi_items", None)
        items = multi_items() if multi_items is not None else received.items()
        lists: dict[str, list[Any]] = {}
        for key, value in items:
            found = lists.get(key)
            if found is None:
                lists[key] = [value]
            else:
                found.append(value)
        self._lists = lists
        self._first = first

    def get(self, key: str, default: Any = None) -> Any:
        values = self._lists.get(key)
        if not values:
            return default
        return values[0] if self._first else values[-1]

    def getlist(self, key: str) -> list[Any]:
        return list(self._lists.get(key, ()))

    def __contains__(self, key: object) -> bool:
        return key in self._lists

    def __iter__(self) -> Iterator[str]:
        return iter(self._lists)


def _owner() -> None:  # the owner of a view's parameter spec (no route declared it)
    return None  # pragma: no cover


def model_input(field: ModelField, location: str, received: Mapping[str, Any]) -> Any:
    """What the parameter model `field` of `location` receives from `received`: the dict
    it is validated from, or None when it may be absent and none of its keys was sent."""
    info = field.field_info
    spec = ParamSpec(
        location=location,
        name=field.name,
        alias=field.name,
        keys=(field.name,),
        annotation=info.annotation,
        field=info,
        is_sequence=False,
        is_model=True,
        embed=False,
        owner=_owner,
        index=0,
    )
    source = _Grouped(received, first=location == HEADER)
    return Extractor([(_SLOT, spec)]).model_input(_SLOT, source)
