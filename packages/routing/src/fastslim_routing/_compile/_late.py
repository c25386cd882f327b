"""Sources for parameters met after a route was compiled (an override's own parameters).

A dependency override is planned when it is first used, so its request
parameters have no slot in the route's validator: each gets a source that
reads and validates its own value from the request. Their errors carry their
owner, so that they are ordered along the tree solved (`_serve/_error_order.py`).
"""

from __future__ import annotations

from typing import Any

from fastslim_di import ParameterErrors, ParameterSource, SolveContext

from .._serve._body import BodyReader, raise_body_read_error
from .._serve._error_order import LATE, late_errors
from .._serve._extract import Extractor
from .._serve._form import LateFormSource
from .._serve._slots import CONNECTION
from .._serve._spec import BODY, FORM, ParamSpec
from .._serve._validator import ParamsValidator

_SLOT = "late"


def _rank(spec: ParamSpec) -> int:
    return LATE


class LateSource:
    """Validates one path/query/header/cookie parameter on its own."""

    __slots__ = ("extractor", "owner", "validator")

    def __init__(self, spec: ParamSpec) -> None:
        self.owner = spec.owner
        self.extractor = Extractor([(_SLOT, spec)])
        self.validator = ParamsValidator([(_SLOT, spec)], _rank)

    def __call__(self, context: SolveContext, /) -> Any:
        values, errors = self.validator(self.extractor(context.values[CONNECTION]))
        if errors:
            raise ParameterErrors(late_errors(errors[_SLOT], self.owner))
        return values[_SLOT]


class LateBodySource:
    """Validates one body parameter on its own (the body is read once, then cached)."""

    __slots__ = ("owner", "reader")

    def __init__(self, spec: ParamSpec, *, strict: bool = True) -> None:
        self.owner = spec.owner
        self.reader = BodyReader([(_SLOT, spec)], _rank, strict=strict)

    async def __call__(self, context: SolveContext, /) -> Any:
        request = context.values[CONNECTION]
        try:
            raw = await request.body()
        except Exception as exc:
            raise_body_read_error(exc, request.scope)
        values, errors, _ = self.reader(raw, request.headers.get("content-type"))
        if errors:
            raise ParameterErrors(late_errors(errors[_SLOT], self.owner))
        return values[_SLOT]


def late_source(spec: ParamSpec) -> ParameterSource:
    """The self-validating source of a parameter met after compilation."""
    if spec.location == BODY:
        return LateBodySource(spec)
    if spec.location == FORM:
        return LateFormSource(spec)
    return LateSource(spec)
