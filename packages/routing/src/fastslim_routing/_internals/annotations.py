"""FastAPI's predicates on annotations (`fastapi._compat.shared`), for extensions.

FastAPI 0.165 classifies a parameter with these (is it a scalar? a sequence of
scalars? bytes? an uploaded file?); libraries that inspect routes (cadwyn,
titiler) call them too. fastslim's own classifier (`_classify`) answers a
related but different question, where a route parameter is read from, and its
answers for `Json[...]`, `UploadFile` and `deque` differ from these on purpose;
these follow FastAPI's results exactly (compared on ~70 annotations in
`tests/compat/test_compat_against_fastapi.py`). Nothing on the request path
calls them.

Rules, as observed on FastAPI 0.165:
- `Annotated[T, ...]` is judged as `T` by the scalar/sequence/complex
  predicates, but the bytes/file predicates see it literally (so
  `Annotated[bytes, x]` is not bytes).
- A union is complex when any member is; a sequence when any member is; a
  scalar sequence when at least one member is one and every other is a scalar.
- `str` and `bytes` are never sequences; `Ellipsis` (in `tuple[int, ...]`) is
  a scalar.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.version import VERSION as PYDANTIC_VERSION
from starlette.datastructures import UploadFile

from .model_field import lenient_issubclass

__all__ = (
    "PYDANTIC_VERSION",
    "PYDANTIC_VERSION_MINOR_TUPLE",
    "annotation_is_pydantic_v1",
    "field_annotation_is_complex",
    "field_annotation_is_scalar",
    "field_annotation_is_scalar_sequence",
    "field_annotation_is_sequence",
    "is_bytes_or_nonable_bytes_annotation",
    "is_bytes_sequence_annotation",
    "is_pydantic_v1_model_class",
    "is_pydantic_v1_model_instance",
    "is_uploadfile_or_nonable_uploadfile_annotation",
    "is_uploadfile_sequence_annotation",
    "sequence_annotation_to_type",
    "sequence_types",
    "value_is_sequence",
)

PYDANTIC_VERSION_MINOR_TUPLE: tuple[int, int] = (
    int(PYDANTIC_VERSION.split(".")[0]),
    int(PYDANTIC_VERSION.split(".")[1]),
)
"""The installed pydantic's (major, minor), e.g. `(2, 14)`."""

sequence_types: tuple[type[Any], ...] = (Sequence, list, tuple, set, frozenset, deque)
"""The classes FastAPI reads as sequences (several values of one key)."""

sequence_annotation_to_type: dict[Any, type[Any]] = {
    Sequence: list,
    list: list,
    tuple: tuple,
    set: set,
    frozenset: frozenset,
    deque: deque,
}
"""A sequence class -> the concrete class a value of it is built as."""

_UNIONS: tuple[Any, ...] = (Union, types.UnionType)


def _unannotated(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in _UNIONS


def _annotation_is_sequence(annotation: Any) -> bool:
    """A sequence class itself (`list`, `Sequence`), never `str` or `bytes`."""
    if lenient_issubclass(annotation, (str, bytes)):
        return False
    return lenient_issubclass(annotation, sequence_types)


def field_annotation_is_sequence(annotation: Any) -> bool:
    """`list`, `list[int]`, `Sequence[M]`, `set[str] | None`...: a sequence of anything."""
    annotation = _unannotated(annotation)
    if _is_union(annotation):
        return any(field_annotation_is_sequence(arg) for arg in get_args(annotation))
    return _annotation_is_sequence(annotation) or _annotation_is_sequence(get_origin(annotation))


def _annotation_is_complex(annotation: Any) -> bool:
    return (
        lenient_issubclass(annotation, (BaseModel, Mapping, UploadFile))
        or _annotation_is_sequence(annotation)
        or (isinstance(annotation, type) and dataclasses.is_dataclass(annotation))
    )


def field_annotation_is_complex(annotation: Any) -> bool:
    """A model, mapping, dataclass, uploaded file or sequence (in a union: any member)."""
    annotation = _unannotated(annotation)
    if _is_union(annotation):
        return any(field_annotation_is_complex(arg) for arg in get_args(annotation))
    origin = get_origin(annotation)
    return (
        _annotation_is_complex(annotation)
        or _annotation_is_complex(origin)
        or hasattr(origin, "__pydantic_core_schema__")
        or hasattr(origin, "__get_pydantic_core_schema__")
    )


def field_annotation_is_scalar(annotation: Any) -> bool:
    """Read from one string: not complex (`int`, `str | None`, an Enum, a Literal, `Any`)."""
    return annotation is Ellipsis or not field_annotation_is_complex(annotation)


def field_annotation_is_scalar_sequence(annotation: Any) -> bool:
    """`list[int]`, `tuple[str, ...]`, `set[E] | None`, `str | list[int]`: one key repeated."""
    annotation = _unannotated(annotation)
    if _is_union(annotation):
        found = False
        for arg in get_args(annotation):
            if field_annotation_is_scalar_sequence(arg):
                found = True
            elif not field_annotation_is_scalar(arg):
                return False
        return found
    return field_annotation_is_sequence(annotation) and all(
        field_annotation_is_scalar(arg) for arg in get_args(annotation)
    )


def _is_or_nonable(annotation: Any, cls: type[Any]) -> bool:
    if lenient_issubclass(annotation, cls):
        return True
    return _is_union(annotation) and any(lenient_issubclass(a, cls) for a in get_args(annotation))


def _sequence_of(annotation: Any, item: Any) -> bool:
    if _is_union(annotation):
        return any(_sequence_of(arg, item) for arg in get_args(annotation))
    return field_annotation_is_sequence(annotation) and all(
        item(arg) for arg in get_args(annotation)
    )


def is_bytes_or_nonable_bytes_annotation(annotation: Any) -> bool:
    """`bytes`, or a union with `bytes` in it (`bytes | None`, `str | bytes`)."""
    return _is_or_nonable(annotation, bytes)


def is_uploadfile_or_nonable_uploadfile_annotation(annotation: Any) -> bool:
    """Starlette's `UploadFile` (or a subclass), or a union with one in it."""
    return _is_or_nonable(annotation, UploadFile)


def is_bytes_sequence_annotation(annotation: Any) -> bool:
    """`list[bytes]`, `list[bytes] | None`, `list[str] | list[bytes]`, a bare `list`."""
    return _sequence_of(annotation, is_bytes_or_nonable_bytes_annotation)


def is_uploadfile_sequence_annotation(annotation: Any) -> bool:
    """`list[UploadFile]`, `list[UploadFile] | None`, `list[str] | list[UploadFile]`, `list`."""
    return _sequence_of(annotation, is_uploadfile_or_nonable_uploadfile_annotation)


def value_is_sequence(value: Any) -> bool:
    """A list, tuple, set, frozenset, deque or other `Sequence`, but not `str` or `bytes`."""
    return isinstance(value, sequence_types) and not isinstance(value, str | bytes)


def _v1_base() -> type[Any] | None:
    v1 = sys.modules.get("pydantic.v1")
    return None if v1 is None else typing.cast(type[Any], v1.BaseModel)


def is_pydantic_v1_model_class(cls: Any) -> bool:
    """A `pydantic.v1` model class (False when `pydantic.v1` was never imported)."""
    base = _v1_base()
    return base is not None and lenient_issubclass(cls, base)


def is_pydantic_v1_model_instance(obj: Any) -> bool:
    """An instance of a `pydantic.v1` model."""
    base = _v1_base()
    return base is not None and isinstance(obj, base)


def annotation_is_pydantic_v1(annotation: Any) -> bool:
    """A `pydantic.v1` model, or a union or sequence with one in it (`list[V1]`,
    `V1 | None`; not `dict[str, V1]` nor `Annotated[V1, ...]`, as FastAPI)."""
    if is_pydantic_v1_model_class(annotation):
        return True
    if _is_union(annotation) or field_annotation_is_sequence(annotation):
        return any(annotation_is_pydantic_v1(arg) for arg in get_args(annotation))
    return False
