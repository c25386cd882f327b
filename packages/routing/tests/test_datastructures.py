"""`fastslim_routing.datastructures`: the default placeholder and `UploadFile`."""

from __future__ import annotations

import io

import pytest
import starlette.datastructures
from pydantic import BaseModel, TypeAdapter, ValidationError

from fastslim_routing import datastructures
from fastslim_routing.datastructures import Default, DefaultPlaceholder, UploadFile


def test_default_wraps_the_value() -> None:
    placeholder: object = Default(1)
    assert isinstance(placeholder, DefaultPlaceholder)
    assert placeholder.value == 1


def test_placeholder_truthiness_follows_the_value() -> None:
    assert bool(Default(1)) is True
    assert bool(Default(0)) is False
    assert bool(Default(None)) is False
    assert bool(Default([])) is False


def test_placeholder_equality() -> None:
    assert Default(1) == Default(1)
    assert Default(1) != Default(2)
    assert Default([]) == DefaultPlaceholder([])
    assert Default(1) != 1
    assert Default(1).__eq__(1) is False
    with pytest.raises(TypeError, match="unhashable"):
        hash(Default(1))


def test_starlette_structures_are_reexported() -> None:
    for name in ("URL", "Address", "FormData", "Headers", "QueryParams", "State"):
        assert getattr(datastructures, name) is getattr(starlette.datastructures, name)
    assert issubclass(UploadFile, starlette.datastructures.UploadFile)


def test_upload_file_validation() -> None:
    adapter = TypeAdapter(UploadFile)
    upload = starlette.datastructures.UploadFile(io.BytesIO(b"a"), filename="f.txt")
    assert adapter.validate_python(upload) is upload
    with pytest.raises(ValidationError) as info:
        adapter.validate_python("text")
    [error] = info.value.errors(include_url=False)
    assert error["type"] == "value_error"
    assert error["msg"] == "Value error, Expected UploadFile, received: <class 'str'>"
    assert error["input"] == "text"


def test_upload_file_json_schema() -> None:
    schema = {"type": "string", "contentMediaType": "application/octet-stream"}
    assert TypeAdapter(UploadFile).json_schema() == schema

    class Form(BaseModel):
        files: list[UploadFile] = []

    assert Form.model_json_schema()["properties"]["files"]["items"] == schema
