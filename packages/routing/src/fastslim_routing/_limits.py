"""Validation of `max_body_size` and `form_limits` (FASTAPI-FACTS section 12).

Both are accepted on the app, routers, inclusions and routes, and checked when
they are declared; enforcing them belongs to the request-body layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORM_LIMIT_KEYS = ("max_fields", "max_files", "max_part_size")


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_max_body_size(value: Any) -> int | None:
    """`value` if it is None or a non-negative int, else `ValueError`."""
    if value is None or _is_count(value):
        return value  # type: ignore[no-any-return]
    raise ValueError("max_body_size must be a non-negative integer or None")


def check_form_limits(value: Any) -> dict[str, int] | None:
    """A copy of `value` (None, or a mapping of `FORM_LIMIT_KEYS` to non-negative ints).

    Raises `ValueError` naming the offending key or value.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError(f"form_limits must be a dict or None, got {value!r}")
    checked: dict[str, int] = {}
    for key, limit in value.items():
        if key not in FORM_LIMIT_KEYS:
            expected = ", ".join(FORM_LIMIT_KEYS)
            raise ValueError(f"form_limits got an unknown key {key!r}; expected one of {expected}")
        if not _is_count(limit):
            raise ValueError(f"form_limits[{key!r}] must be a non-negative integer, got {limit!r}")
        checked[key] = limit
    return checked
