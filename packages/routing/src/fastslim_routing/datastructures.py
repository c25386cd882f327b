"""`fastslim.datastructures`, as `fastapi.datastructures`.

`Default`/`DefaultPlaceholder` mark a value that was left at its default (so an
explicit value, even a falsy one, can be told apart); `UploadFile` is Starlette's
with a Pydantic schema, so it can annotate a parameter; the rest is Starlette's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema, core_schema
from starlette.datastructures import URL as URL
from starlette.datastructures import Address as Address
from starlette.datastructures import FormData as FormData
from starlette.datastructures import Headers as Headers
from starlette.datastructures import QueryParams as QueryParams
from starlette.datastructures import State as State
from starlette.datastructures import UploadFile as StarletteUploadFile

__all__ = (
    "URL",
    "Address",
    "Default",
    "DefaultPlaceholder",
    "FormData",
    "Headers",
    "QueryParams",
    "State",
    "UploadFile",
)

DefaultType = TypeVar("DefaultType")


class UploadFile(StarletteUploadFile):
    """A file uploaded in a request (Starlette's `UploadFile`), usable as a parameter type.

    Validation accepts any Starlette `UploadFile` as it is and rejects anything
    else with a `value_error` ("Expected UploadFile, received: <class 'str'>");
    its JSON schema is a string of media type `application/octet-stream`.
    """

    @classmethod
    def _validate(cls, value: Any, _info: Any) -> StarletteUploadFile:
        if not isinstance(value, StarletteUploadFile):
            raise ValueError(f"Expected UploadFile, received: {type(value)}")
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {"type": "string", "contentMediaType": "application/octet-stream"}

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: Callable[[Any], CoreSchema]
    ) -> CoreSchema:
        return core_schema.with_info_plain_validator_function(cls._validate)


class DefaultPlaceholder:
    """A default `value`, marked as not given explicitly.

    Truthy when the value is; equal to another placeholder of an equal value
    (never to a bare value); unhashable.
    """

    def __init__(self, value: Any) -> None:
        self.value = value

    def __bool__(self) -> bool:
        return bool(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DefaultPlaceholder) and other.value == self.value

    __hash__ = None  # type: ignore[assignment]


def Default(value: DefaultType) -> DefaultType:
    """`value` wrapped in a `DefaultPlaceholder`, typed as `value` for the signature."""
    return DefaultPlaceholder(value)  # type: ignore[return-value]
