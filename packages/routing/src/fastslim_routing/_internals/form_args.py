"""`request_body_to_args` for form and file fields (FastAPI docs: Form Data, Request
Files, Form Models): the received `FormData` read as a route reads its form
(`_serve._form.FormReader`: each field its key, every value of a list, an empty
value missing, a form model from every key of the form, a `bytes` file's content).
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Sequence
from typing import Any

from pydantic_core import PydanticUndefined
from starlette.datastructures import FormData

from fastslim_di import EMPTY, ParameterErrors, ParameterInfo

from .. import params
from .._compile._classify import classify
from .._serve._file_bytes import resolve_pending
from .._serve._form import FormReader
from .._serve._spec import ParamSpec
from .model_field import ModelField

__all__ = ("form_body_to_args", "is_form_body")


def is_form_body(fields: Sequence[ModelField], received: Any) -> bool:
    """Whether `fields` are form or file fields and `received` a parsed form."""
    return isinstance(received, FormData) and all(
        isinstance(field.field_info, params.Form) for field in fields
    )


def _owner() -> None:  # the owner of a view's parameter (no route declared it)
    return None  # pragma: no cover


def _spec(field: ModelField, index: int) -> ParamSpec:
    """The parameter spec of a form field, as if declared `name: Annotated[T, Form()]
    = default` (its default given with `=`, as a declaration does)."""
    info = copy.copy(field.field_info)
    default = info.default
    info.default = PydanticUndefined
    parameter = ParameterInfo(
        _owner,
        field.name,
        info.annotation,
        (info,),
        EMPTY if default is PydanticUndefined else default,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    )
    return classify(parameter, frozenset(), index)


async def form_body_to_args(
    fields: Sequence[ModelField], form: FormData
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The form fields' values by name, and their errors in declaration order."""
    slots = [(f"f{index}", _spec(field, index)) for index, field in enumerate(fields)]
    found, failed, _ = FormReader(slots, lambda spec: 0).validate(form)
    keyed = [error for slot_errors in (failed or {}).values() for error in slot_errors]
    values: dict[str, Any] = {}
    for (slot, _), field in zip(slots, fields, strict=True):
        if slot in found:
            try:
                values[field.name] = await resolve_pending(found[slot])
            except ParameterErrors as exc:
                keyed.extend(exc.errors)
    keyed.sort(key=lambda item: item[0])
    return values, [error for _, error in keyed]
