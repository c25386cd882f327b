"""Helpers of `fastapi.utils` that apps use: operation ids, status codes, defaults."""

from __future__ import annotations

import re
from typing import Any, Protocol, TypeVar

from ._internals.model_field import create_model_field as create_model_field
from .datastructures import DefaultPlaceholder

__all__ = (
    "create_model_field",
    "deep_dict_update",
    "generate_unique_id",
    "get_path_param_names",
    "get_value_or_default",
    "is_body_allowed_for_status_code",
)

_BODILESS_STATUS_CODES = frozenset({204, 205, 304})
_STATUS_RANGES = frozenset({"default", "1XX", "2XX", "3XX", "4XX", "5XX"})
_NON_WORD = re.compile(r"\W")
_PATH_PARAM = re.compile("{(.*?)}")

DefaultType = TypeVar("DefaultType")


class _RouteLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def path_format(self) -> str: ...
    @property
    def methods(self) -> Any: ...


def is_body_allowed_for_status_code(status_code: int | str | None) -> bool:
    """Whether a response with `status_code` may have a body.

    None, `"default"` and the OpenAPI ranges `"1XX"`..`"5XX"` allow one; otherwise
    the code (an int or a numeric string) allows one unless it is below 200 or is
    204, 205 or 304. Raises ValueError for another string (`int()` of it fails).
    """
    if status_code is None or status_code in _STATUS_RANGES:
        return True
    code = int(status_code)
    return not (code < 200 or code in _BODILESS_STATUS_CODES)


def generate_unique_id(route: _RouteLike) -> str:
    """FastAPI's default operation id: name, path and first method, non-word chars as `_`.

    `read_item` at `/items/{item_id}` with GET gives `"read_item_items__item_id__get"`.
    The method is the first one `route.methods` yields. Raises ValueError when the
    route has no methods.
    """
    methods = route.methods
    if not methods:
        raise ValueError(f"Route {route.name!r} has no methods to generate an operation id from.")
    operation_id = _NON_WORD.sub("_", f"{route.name}{route.path_format}")
    return f"{operation_id}_{next(iter(methods)).lower()}"


def get_path_param_names(path: str) -> set[str]:
    """Names between braces in `path`, converters kept: `"/a/{b}/{c:int}"` -> `{"b", "c:int"}`."""
    return set(_PATH_PARAM.findall(path))


def deep_dict_update(main_dict: dict[Any, Any], update_dict: dict[Any, Any]) -> None:
    """Merge `update_dict` into `main_dict` in place.

    Dicts on both sides merge recursively, lists on both sides are concatenated,
    any other value replaces the old one.
    """
    for key, value in update_dict.items():
        current = main_dict.get(key)
        if key in main_dict and isinstance(current, dict) and isinstance(value, dict):
            deep_dict_update(current, value)
        elif key in main_dict and isinstance(current, list) and isinstance(value, list):
            main_dict[key] = current + value
        else:
            main_dict[key] = value


def get_value_or_default(
    first_item: DefaultPlaceholder | DefaultType,
    *extra_items: DefaultPlaceholder | DefaultType,
) -> DefaultPlaceholder | DefaultType:
    """The first item that is not a `DefaultPlaceholder`, else `first_item`."""
    for item in (first_item, *extra_items):
        if not isinstance(item, DefaultPlaceholder):
            return item
    return first_item
