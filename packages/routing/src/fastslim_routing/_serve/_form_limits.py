"""`form_limits` (FASTAPI-FACTS section 12): their shape, checked once when declared, and
how a request applies them: the app's in the ASGI scope, the route's over them,
Starlette's parser defaults under both.

`FormLimits` is FastAPI 0.165's `fastapi._form_limits._FormLimits` (the same keys,
types and pydantic config) and `validate_form_limits` its `_validate_form_limits`:
the one rule every declaration goes through (`_compile._limits.check_form_limits`).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from functools import cache
from typing import Any

from pydantic import ConfigDict, NonNegativeInt, TypeAdapter, with_config
from typing_extensions import TypedDict

__all__ = (
    "FORM_LIMITS_SCOPE_KEY",
    "PARSER_DEFAULTS",
    "FormLimits",
    "form_limits_adapter",
    "form_parser_limits",
    "scope_form_limits",
    "validate_form_limits",
)

FORM_LIMITS_SCOPE_KEY = "fastslim.form_limits"
"""ASGI scope key: the `form_limits` of the app serving the request (and of the apps
it is mounted in, merged), under those of the route."""


PARSER_DEFAULTS = {"max_files": 1000, "max_fields": 1000, "max_part_size": 1024 * 1024}
"""Starlette's `Request.form()` defaults: what applies where no `form_limits` is set."""


@with_config(ConfigDict(strict=True, extra="forbid"))
class _FormLimits(TypedDict, total=False):
    """`form_limits=` of an app, router, inclusion or route: every key optional, each a
    non-negative `int` (strict: no bool, float or str), no other key."""

    max_fields: NonNegativeInt
    """Maximum number of non-file form fields."""
    max_files: NonNegativeInt
    """Maximum number of files in a multipart form."""
    max_part_size: NonNegativeInt
    """Maximum size of a non-file field in bytes."""


FormLimits = _FormLimits
"""The public name; the class keeps FastAPI's (`_FormLimits`), which pydantic's errors
show (`1 validation error for _FormLimits`)."""


@cache
def form_limits_adapter() -> TypeAdapter[FormLimits]:
    """The `TypeAdapter` of `FormLimits`, built when first needed (import stays light)."""
    return TypeAdapter(FormLimits)


def validate_form_limits(limits: FormLimits | None) -> FormLimits:
    """A new dict of `limits` checked against `FormLimits`, `{}` for None.

    Raises pydantic's `ValidationError` (a `ValueError`) for a value that is not a dict,
    an unknown key or a value that is not a non-negative int (FastAPI 0.165's
    `_validate_form_limits`; FastAPI docs: Request Body Limits).
    """
    if limits is None:
        return {}
    return form_limits_adapter().validate_python(limits)


def form_parser_limits(
    scope_limits: Mapping[str, int] | None, route_limits: Mapping[str, int] | None
) -> dict[str, int]:
    """The keyword arguments of `Request.form()`: the route's limits over the app's, over
    Starlette's defaults."""
    limits = dict(PARSER_DEFAULTS)
    if scope_limits:
        limits.update(scope_limits)
    if route_limits:
        limits.update(route_limits)
    return limits


def scope_form_limits(scope: MutableMapping[str, Any], limits: Mapping[str, int]) -> None:
    """Put an app's `form_limits` in the ASGI `scope`, over those of the apps it is
    mounted in (key by key)."""
    outer = scope.get(FORM_LIMITS_SCOPE_KEY)
    scope[FORM_LIMITS_SCOPE_KEY] = {**outer, **limits} if outer else dict(limits)
