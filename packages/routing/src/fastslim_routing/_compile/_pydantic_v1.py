"""Refuse `pydantic.v1` models at declaration, as FastAPI 0.128+ does (FASTAPI-FACTS 7)."""

from __future__ import annotations

import sys
from typing import Any, get_args

from ..exceptions import PydanticV1NotSupportedError


def _v1_model_in(annotation: Any, base: type) -> type | None:
    if isinstance(annotation, type) and issubclass(annotation, base):
        return annotation
    for arg in get_args(annotation):
        found = _v1_model_in(arg, base)
        if found is not None:
            return found
    return None


def check_not_v1(annotation: Any) -> None:
    """Raise `PydanticV1NotSupportedError` if `annotation` uses a `pydantic.v1` model.

    Free when `pydantic.v1` was never imported (no such model can exist then).
    """
    v1 = sys.modules.get("pydantic.v1")
    if v1 is None:
        return
    found = _v1_model_in(annotation, v1.BaseModel)
    if found is not None:
        raise PydanticV1NotSupportedError(
            "pydantic.v1 models are no longer supported by FastAPI. "
            f"Please update the response model {annotation!r}."
        )
