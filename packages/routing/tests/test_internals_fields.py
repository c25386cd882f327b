"""`_internals/fields.py`: FastAPI's field helpers (`fastapi._compat.v2`), results
pinned from FastAPI 0.165; compared live in tests/compat/test_compat_against_fastapi.py."""

import collections
import enum
import typing
from typing import Any, ForwardRef, Optional

import pytest
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastslim_routing import params
from fastslim_routing.internals import (
    ModelField,
    asdict,
    copy_field_info,
    create_body_model,
    evaluate_forwardref,
    get_cached_model_fields,
    get_flat_models_from_annotation,
    get_flat_models_from_model,
    get_missing_field_error,
    get_model_name_map,
    is_scalar_field,
    normalize_name,
    regenerate_error_with_loc,
    serialize_sequence_value,
)


def _field(annotation: Any, name: str = "items") -> ModelField:
    return ModelField(name=name, field_info=FieldInfo(annotation=annotation))


def test_serialize_sequence_value_builds_the_declared_class() -> None:
    value: Any = serialize_sequence_value(field=_field(set[str]), value=["a"])
    assert value == {"a"}
    assert serialize_sequence_value(field=_field(tuple[str, ...]), value=["a"]) == ("a",)
    value = serialize_sequence_value(field=_field(collections.deque[int]), value=[1])
    assert isinstance(value, collections.deque)
    assert serialize_sequence_value(field=_field(typing.Sequence[int]), value=(1,)) == [1]
    # In a union, the first member other than None decides.
    assert serialize_sequence_value(field=_field(None | list[str]), value=("x",)) == ["x"]
    value = serialize_sequence_value(field=_field(set[int] | list[int]), value=[1])
    assert value == {1}


def test_serialize_sequence_value_refuses_a_non_sequence() -> None:
    with pytest.raises(AssertionError, match="int"):
        serialize_sequence_value(field=_field(int | list[int]), value=[1])


def test_missing_field_error() -> None:
    error = get_missing_field_error(("body", "a"))
    assert error == {
        "type": "missing",
        "loc": ("body", "a"),
        "msg": "Field required",
        "input": None,
    }
    assert get_missing_field_error(("body", "a")) is not error


def test_regenerate_error_with_loc() -> None:
    errors = [{"type": "missing", "loc": ("a",), "msg": "m", "input": None}]
    assert regenerate_error_with_loc(errors=errors, loc_prefix=("body",))[0]["loc"] == ("body", "a")


def test_normalize_name() -> None:
    assert normalize_name("Body_x y[b]:c.d-e") == "Body_x_y_b__c.d-e"


def test_asdict_leaves_out_an_undefined_default() -> None:
    assert asdict(params.Query(3, alias="q"))["attributes"]["validation_alias"] == "q"
    assert "default" not in asdict(FieldInfo(annotation=int))["attributes"]


def test_copy_field_info_keeps_the_class_default_and_own_settings() -> None:
    body = params.Body(3, alias="q", description="d", embed=True)
    copied = copy_field_info(field_info=body, annotation=list[int])
    assert type(copied) is params.Body
    assert copied is not body
    assert (copied.annotation, copied.default, copied.embed) == (list[int], 3, True)
    assert (copied.alias, copied.description) == (None, None)
    factory = copy_field_info(field_info=params.Query(default_factory=list), annotation=int)
    assert factory.default is PydanticUndefined
    assert factory.default_factory is None


def test_create_body_model() -> None:
    fields = [_field(int, "a"), ModelField(FieldInfo(annotation=str, default="x"), "b")]
    model = create_body_model(fields=fields, model_name="Body_x", config={"extra": "forbid"})
    assert model.__name__ == "Body_x"
    assert model(a=1).model_dump() == {"a": 1, "b": "x"}
    with pytest.raises(ValidationError):
        model.model_validate({"a": 1, "c": 2})


def test_evaluate_forwardref() -> None:
    assert evaluate_forwardref(ForwardRef("list[X]"), {"X": int}) == list[int]
    assert evaluate_forwardref("X", {"X": int}, {"X": str}) is str
    missing = ForwardRef("Nope")
    assert evaluate_forwardref(missing, {}, {}) is missing
    assert evaluate_forwardref("Nope") == ForwardRef("Nope")


class Color(enum.Enum):
    red = 1


class Inner(BaseModel):
    color: Color


class Outer(BaseModel):
    inner: dict[str, Inner]
    other: Optional[Inner] = None  # noqa: UP045


def test_flat_models() -> None:
    assert get_flat_models_from_model(Outer) == {Inner, Color}
    assert get_flat_models_from_annotation(list[Outer], set()) == {Outer, Inner, Color}
    assert get_flat_models_from_annotation(Color, set()) == set()
    assert get_model_name_map({Outer, Color}) == {Outer: "Outer", Color: "Color"}


def test_model_fields_and_scalar_fields() -> None:
    fields = get_cached_model_fields(Outer)
    assert [f.name for f in fields] == ["inner", "other"]
    assert get_cached_model_fields(Outer) is fields
    assert is_scalar_field(_field(int))
    assert not is_scalar_field(_field(list[int]))
    body = params.Body()
    body.annotation = int
    assert not is_scalar_field(ModelField(body, "a"))
