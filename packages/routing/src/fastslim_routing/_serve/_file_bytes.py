"""`bytes` `File()` parameters, read when they are solved (FastAPI 0.165's rule).

A `bytes` (or `list[bytes]`, `bytes | None`...) `File()` parameter receives the
content of its upload as it is when the parameter is solved: a dependency solved
before it that read part of the upload (`await file.read(2)`) leaves the rest to it,
and the upload stays where that dependency left it (`_multipart.read_file_bytes`).
The form is still parsed once, before any dependency runs, and whether the
parameter is present (or takes its default) is decided then; only reading the
content and validating it wait for the parameter's turn.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from starlette.datastructures import UploadFile

from fastslim_di import ParameterErrors, SolveContext

from .. import params
from ._body import _Slot
from ._multipart import read_file_bytes
from ._slots import SlotSource
from ._spec import ParamSpec, is_scalar_sequence, strip_optional

__all__ = ("FileBytesSource", "PendingBytes", "reads_file_bytes")


def _bytes_annotation(annotation: Any) -> bool:
    annotation = strip_optional(annotation)
    if annotation is bytes:
        return True
    if get_origin(annotation) is not None and is_scalar_sequence(annotation):
        return any(strip_optional(arg) is bytes for arg in get_args(annotation))
    return False


def reads_file_bytes(spec: ParamSpec) -> bool:
    """Whether the parameter of `spec` receives the content of uploaded files: a `File()`
    annotated `bytes`, `bytes | None`, `list[bytes]`... (`Form()` bytes do not)."""
    return isinstance(spec.field, params.File) and _bytes_annotation(spec.annotation)


async def _content(value: Any) -> Any:
    return await read_file_bytes(value) if isinstance(value, UploadFile) else value


class PendingBytes:
    """A present `bytes` file parameter, its content not read yet: what the form reader
    leaves in the request's values for `FileBytesSource` to finish."""

    __slots__ = ("check", "loc", "sequence", "value")

    def __init__(self, check: _Slot, loc: tuple[Any, ...], value: Any, sequence: bool) -> None:
        self.check = check
        self.loc = loc
        self.value = value
        self.sequence = sequence

    async def resolve(self) -> Any:
        """The validated content; raises `ParameterErrors` with the slot's errors."""
        if self.sequence:
            raw: Any = [await _content(item) for item in self.value]
        else:
            raw = await _content(self.value)
        checked, errors = self.check.check(raw, self.loc)
        if errors:
            raise ParameterErrors(errors)
        return checked


async def resolve_pending(value: Any) -> Any:
    """`value`, or the content of a `PendingBytes`."""
    return await value.resolve() if isinstance(value, PendingBytes) else value


class FileBytesSource(SlotSource):
    """The source of a `bytes` file parameter: its slot's value, its content read now."""

    __slots__ = ()

    async def __call__(self, context: SolveContext, /) -> Any:
        return await resolve_pending(super().__call__(context))


def slot_source(slot: str, spec: ParamSpec) -> SlotSource:
    """The source of the validated value of `slot`."""
    return FileBytesSource(slot, spec) if reads_file_bytes(spec) else SlotSource(slot, spec)
