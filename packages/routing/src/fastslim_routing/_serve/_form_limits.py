"""`form_limits` as a request applies them (FASTAPI-FACTS section 12): the app's in
the ASGI scope, the route's over them, Starlette's parser defaults under both."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

FORM_LIMITS_SCOPE_KEY = "fastslim.form_limits"
"""ASGI scope key: the `form_limits` of the app serving the request (and of the apps
it is mounted in, merged), under those of the route."""


PARSER_DEFAULTS = {"max_files": 1000, "max_fields": 1000, "max_part_size": 1024 * 1024}
"""Starlette's `Request.form()` defaults: what applies where no `form_limits` is set."""


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
