"""A request's form; URL-encoded ones parsed without python-multipart's byte-by-byte
state machine.

Starlette's `FormParser` feeds python-multipart's `QuerystringParser`, pure
Python, which costs most of a small form's request. This parser gives the same
`FormData` and the same errors, in the same order (a property test checks it
against Starlette on random bodies, chunkings and limits): fields split on `&`
(empty ones skipped), name and value at the first `=` (none: an empty value),
each decoded as Latin-1 then `unquote_plus`; a field whose name and value
exceed `max_part_size` bytes, or one field too many, raises Starlette's
`MultiPartException` as soon as the bytes received show it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import aclosing
from urllib.parse import unquote_plus

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

__all__ = ("parse_urlencoded", "read_form")

_URLENCODED = "application/x-www-form-urlencoded"


def _too_large(max_part_size: int) -> MultiPartException:
    return MultiPartException(f"Field exceeded maximum size of {int(max_part_size / 1024)}KB.")


def _size(segment: bytes) -> int:
    """The bytes of a field's name and value (its `=` not counted)."""
    return len(segment) - (1 if b"=" in segment else 0)


class _Fields:
    __slots__ = ("items", "max_fields", "max_part_size")

    def __init__(self, max_fields: int | float, max_part_size: int) -> None:
        self.items: list[tuple[str, str]] = []
        self.max_fields = max_fields
        self.max_part_size = max_part_size

    def add(self, segment: bytes) -> None:
        if _size(segment) > self.max_part_size:
            raise _too_large(self.max_part_size)
        if len(self.items) + 1 > self.max_fields:
            raise MultiPartException(
                f"Too many fields. Maximum number of fields is {self.max_fields}."
            )
        name, _, value = segment.partition(b"=")
        if b"%" in segment or b"+" in segment:
            self.items.append(
                (unquote_plus(name.decode("latin-1")), unquote_plus(value.decode("latin-1")))
            )
        else:  # nothing to unquote
            self.items.append((name.decode("latin-1"), value.decode("latin-1")))


async def parse_urlencoded(
    chunks: AsyncIterator[bytes], *, max_fields: int | float, max_part_size: int
) -> FormData:
    """The form of an `application/x-www-form-urlencoded` body read from `chunks`.

    Raises `MultiPartException` ("Too many fields...", "Field exceeded maximum size of
    ...KB.") before reading further.
    """
    fields = _Fields(max_fields, max_part_size)
    pending: list[bytes] = []  # the field still arriving, kept in pieces (no copies)
    size = 0  # its name and value bytes so far
    split = False  # whether its `=` (no byte of the name or value) has arrived
    async for chunk in chunks:
        if b"&" not in chunk:
            if chunk:
                if not split and b"=" in chunk:
                    split = True
                    size -= 1
                pending.append(chunk)
                size += len(chunk)
                if size > max_part_size:
                    raise _too_large(max_part_size)
            continue
        first, *middle, last = chunk.split(b"&")
        for segment in (b"".join((*pending, first)), *middle):
            if segment:
                fields.add(segment)
        pending, size, split = [last], _size(last), b"=" in last
        if size > max_part_size:
            raise _too_large(max_part_size)
    tail = b"".join(pending)
    if tail:
        fields.add(tail)
    items: list[tuple[str, str | UploadFile]] = list(fields.items)
    return FormData(items)


async def read_form(request: Request, limits: Mapping[str, int]) -> FormData:
    """`request.form(**limits)`, with plain urlencoded bodies parsed by fastslim's parser
    (same form, same 400 errors); the form is cached on the request as Starlette does."""
    if (
        not isinstance(request, Request)  # a stand-in with `.form()` (WebSocket routes)
        or request._form is not None
        or request.headers.get("content-type") != _URLENCODED
    ):
        return await request.form(**limits)
    try:
        async with aclosing(request.stream()) as chunks:
            form = await parse_urlencoded(
                chunks, max_fields=limits["max_fields"], max_part_size=limits["max_part_size"]
            )
    except MultiPartException as exc:
        if "app" in request.scope:
            raise HTTPException(status_code=400, detail=exc.message) from None
        raise
    request._form = form
    return form
