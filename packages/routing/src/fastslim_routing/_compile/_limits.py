"""`max_body_size` and `form_limits` (FASTAPI-FACTS section 12): validation and merging.

Both are accepted on the app, routers, inclusions and routes, and checked when
they are declared. The most specific setting wins: the route (its router's own
merged in when declared), then each inclusion outwards (the inclusion, then the
router that includes it), then the app. `form_limits` merge key by key; the
app's (and those of the apps it is mounted in) travel in the ASGI scope.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .._serve._form_limits import validate_form_limits

FORM_LIMIT_KEYS = ("max_fields", "max_files", "max_part_size")


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_max_body_size(value: Any) -> int | None:
    """`value` if it is None or a non-negative int, else `ValueError`."""
    if value is None or _is_count(value):
        return value  # type: ignore[no-any-return]
    raise ValueError("max_body_size must be a non-negative integer or None")


def check_form_limits(value: Any) -> dict[str, int]:
    """A copy of `value` (a mapping of `FORM_LIMIT_KEYS` to non-negative ints), `{}` for
    None (as FastAPI stores it), checked by `validate_form_limits` (FastAPI's rule).

    Raises `ValueError` naming the offending key or value (FastAPI raises pydantic's
    `ValidationError`, also a `ValueError`: a deliberate difference in wording).
    """
    try:
        return cast("dict[str, int]", validate_form_limits(value))  # a new dict
    except ValidationError as exc:
        raise ValueError(_reworded(exc.errors()[0], value)) from None


def _reworded(error: ErrorDetails, value: Any) -> str:
    """One of `validate_form_limits`'s errors as fastslim's sentence."""
    if not error["loc"]:
        return f"form_limits must be a dict or None, got {value!r}"
    key = error["loc"][0]
    if error["type"] == "extra_forbidden":
        expected = ", ".join(FORM_LIMIT_KEYS)
        return f"form_limits got an unknown key {key!r}; expected one of {expected}"
    return f"form_limits[{key!r}] must be a non-negative integer, got {error['input']!r}"


def first_size(*values: int | None) -> int | None:
    """The first `max_body_size` that is set (most specific first), or None."""
    for value in values:
        if value is not None:
            return value
    return None


def merge_form_limits(*layers: Mapping[str, int] | None) -> dict[str, int] | None:
    """`form_limits` merged key by key, the most specific layer first; None if no layer
    sets any key."""
    merged: dict[str, int] = {}
    for layer in reversed(layers):
        if layer:
            merged.update(layer)
    return merged or None
