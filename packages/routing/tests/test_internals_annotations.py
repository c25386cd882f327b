"""`_internals/annotations.py`: FastAPI's predicates on annotations (results pinned
from FastAPI 0.165; compared live on ~70 annotations in
tests/compat/test_compat_against_fastapi.py)."""

import collections
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Optional

import pydantic
from pydantic import BaseModel, Json

from fastslim_routing.datastructures import UploadFile
from fastslim_routing.internals import (
    PYDANTIC_VERSION_MINOR_TUPLE,
    annotation_is_pydantic_v1,
    field_annotation_is_complex,
    field_annotation_is_scalar,
    field_annotation_is_scalar_sequence,
    field_annotation_is_sequence,
    is_bytes_or_nonable_bytes_annotation,
    is_bytes_sequence_annotation,
    is_uploadfile_or_nonable_uploadfile_annotation,
    is_uploadfile_sequence_annotation,
    value_is_sequence,
)


class Item(BaseModel):
    a: int


def _each(*annotations: Any) -> tuple[Any, ...]:
    return annotations


def test_pydantic_version() -> None:
    major, minor = pydantic.VERSION.split(".")[:2]
    assert (int(major), int(minor)) == PYDANTIC_VERSION_MINOR_TUPLE


def test_scalars() -> None:
    for annotation in _each(int, str, bytes, None, Any, Literal["a"], int | None, int | str):
        assert field_annotation_is_scalar(annotation), annotation
    assert field_annotation_is_scalar(Optional[Json[int]])  # noqa: UP045
    for annotation in _each(Item, dict, list[int], str | list[int], UploadFile, Json[list[int]]):
        assert not field_annotation_is_scalar(annotation), annotation
        assert field_annotation_is_complex(annotation), annotation


def test_sequences() -> None:
    for annotation in _each(list, collections.deque, Sequence, list[Item], Annotated[list[int], 1]):
        assert field_annotation_is_sequence(annotation), annotation
    for annotation in _each(str, bytes, dict, int | None, Item):
        assert not field_annotation_is_sequence(annotation), annotation


def test_scalar_sequences() -> None:
    for annotation in _each(list[int], tuple[int, ...], int | list[int], list[int] | None, list):
        assert field_annotation_is_scalar_sequence(annotation), annotation
    for annotation in _each(list[Item], list[list[int]], list[UploadFile], Item | list[int], int):
        assert not field_annotation_is_scalar_sequence(annotation), annotation


def test_bytes_and_files() -> None:
    assert is_bytes_or_nonable_bytes_annotation(bytes | None)
    assert is_bytes_or_nonable_bytes_annotation(str | bytes)
    assert not is_bytes_or_nonable_bytes_annotation(Annotated[bytes, 1])  # seen literally
    assert is_bytes_sequence_annotation(list[str] | list[bytes])
    assert not is_bytes_sequence_annotation(list[int])
    assert is_uploadfile_or_nonable_uploadfile_annotation(UploadFile | None)
    assert is_uploadfile_sequence_annotation(list[str] | list[UploadFile])
    assert not is_uploadfile_sequence_annotation(UploadFile)


def test_value_is_sequence() -> None:
    assert [value_is_sequence(v) for v in ([1], (1,), {1}, "ab", b"a", {"a": 1})] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_pydantic_v2_models_are_not_v1() -> None:
    assert not annotation_is_pydantic_v1(Item)
    assert not annotation_is_pydantic_v1(list[Item])
