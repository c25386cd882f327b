"""`fastslim.datastructures`, as `fastapi.datastructures`.

`Default`/`DefaultPlaceholder` mark a value that was left at its default (so an
explicit value, even a falsy one, can be told apart); `UploadFile` is Starlette's
with a Pydantic schema, so it can annotate a parameter; the rest is Starlette's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO, TypeVar

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema, PydanticUndefined, core_schema
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
    "_Unset",
)

DefaultType = TypeVar("DefaultType")

_Unset: Any = PydanticUndefined
"""The default of the parameter functions' arguments that were not given
(`Query(example=_Unset)`...): FastAPI's `_Unset`; in fastslim, pydantic's own
"undefined", which copies and deep-copies as itself."""


class UploadFile(StarletteUploadFile):
    """A file uploaded in a request (Starlette's `UploadFile`), usable as a parameter type.

    Attributes: `file` (the underlying file, a `SpooledTemporaryFile` that moves
    to disk past 1 MiB), `filename`, `size` (bytes, or None), `headers` (the
    part's headers) and `content_type` (from them). `read`, `write`, `seek` and
    `close` are async and run the file's I/O in a thread once it is on disk.

    Validation accepts any Starlette `UploadFile` as it is (the form parser
    makes Starlette's) and rejects anything else with a `value_error` ("Expected
    UploadFile, received: <class 'str'>"); its JSON schema is a string of media
    type `application/octet-stream`.
    """

    file: BinaryIO
    """The standard Python file object (non-async), for libraries that expect one."""
    filename: str | None
    """The name of the file as sent by the client (e.g. `"myimage.jpg"`)."""
    size: int | None
    """The size of the file in bytes."""
    headers: Headers
    """The headers of the request part (Content-Disposition, Content-Type...)."""

    @property
    def content_type(self) -> str | None:
        """The part's media type (e.g. `"image/jpeg"`), from its headers."""
        return self.headers.get("content-type", None)

    async def write(self, data: bytes) -> None:
        """Write `data` to the file (`size` grows by `len(data)`)."""
        return await super().write(data)

    async def read(self, size: int = -1) -> bytes:
        """Read up to `size` bytes (all that remains with the default -1)."""
        return await super().read(size)

    async def seek(self, offset: int) -> None:
        """Move to byte `offset` of the file (`seek(0)`: back to the start)."""
        return await super().seek(offset)

    async def close(self) -> None:
        """Close the file (its temporary storage is released)."""
        return await super().close()

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
