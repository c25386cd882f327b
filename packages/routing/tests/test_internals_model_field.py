"""`_internals/model_field.py`: FastAPI's `ModelField`, `create_model_field` and
`lenient_issubclass` (results pinned from FastAPI 0.165; compared live in
tests/compat/test_internals_against_fastapi.py)."""

import dataclasses
from typing import Any

from pydantic import AliasChoices, BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastslim_routing.internals import ModelField, create_model_field, lenient_issubclass
from fastslim_routing.params import Query


class Item(BaseModel):
    a: int
    b: str = "x"


def test_fields_are_fastapis() -> None:
    names = [f.name for f in dataclasses.fields(ModelField)]
    assert names == ["field_info", "name", "mode", "config"]


def test_hash_is_identity_and_equality_by_value() -> None:
    info = FieldInfo(annotation=int)
    first, second = ModelField(info, "q"), ModelField(info, "q")
    assert hash(first) == id(first)
    assert first == second
    assert len({first, second}) == 2


def test_create_model_field_required() -> None:
    field = create_model_field("q", int)
    assert field.alias == "q"
    assert field.default is PydanticUndefined
    assert field.get_default() is PydanticUndefined
    assert field.field_info.is_required()
    assert field.mode == "validation"


def test_create_model_field_default_and_alias() -> None:
    field = create_model_field("m", Item, alias="mm")
    assert (field.alias, field.validation_alias, field.serialization_alias) == ("mm", None, None)
    optional = create_model_field("x", int | None, default=None)
    assert optional.default is None
    assert not optional.field_info.is_required()


def test_given_field_info_wins() -> None:
    field = create_model_field("x", int, field_info=FieldInfo(annotation=str))
    assert field.field_info.annotation is str


def test_default_factory_is_called_by_get_default() -> None:
    field = ModelField(FieldInfo(annotation=list[int], default_factory=list), "xs")
    assert field.get_default() == []


def test_validate_returns_value_or_errors_under_loc() -> None:
    field = create_model_field("q", int)
    assert field.validate("3") == (3, [])
    value, errors = field.validate("z", {}, loc=("query", "q"))
    assert value is None
    assert errors == [
        {
            "type": "int_parsing",
            "loc": ("query", "q"),
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "z",
        }
    ]


def test_validate_keeps_constraints_and_models() -> None:
    info = FieldInfo(annotation=int, alias="ll", validation_alias="ll", default=5, gt=0)
    field = ModelField(field_info=info, name="limit")
    assert (field.alias, field.validation_alias, field.default) == ("ll", "ll", 5)
    _, errors = field.validate("0", loc=("query", "ll"))
    assert [(e["type"], e["loc"], e["ctx"]) for e in errors] == [
        ("greater_than", ("query", "ll"), {"gt": 0})
    ]
    body = create_model_field("m", Item)
    assert body.validate({"a": "1"}, loc=("body",)) == (Item(a=1), [])
    _, errors = body.validate({}, loc=("body",))
    assert [(e["type"], e["loc"], e["input"]) for e in errors] == [("missing", ("body", "a"), {})]


def test_a_parameter_declaration_is_a_field_info() -> None:
    info: Any = Query(default=1)
    info.annotation = int
    assert ModelField(field_info=info, name="q").validate("2", loc=("query", "q")) == (2, [])


def test_alias_choices_are_not_a_string_alias() -> None:
    field = ModelField(FieldInfo(annotation=int, validation_alias=AliasChoices("a", "b")), "z")
    assert (field.alias, field.validation_alias) == ("z", None)


def test_serialize() -> None:
    field = create_model_field("m", Item)
    assert field.serialize(Item(a=1)) == {"a": 1, "b": "x"}
    assert field.serialize(Item(a=1), exclude_unset=True) == {"a": 1}
    assert field.serialize_json(Item(a=1)) == b'{"a":1,"b":"x"}'


def test_repr() -> None:
    assert repr(create_model_field("q", int)) == (
        "ModelField(field_info=FieldInfo(annotation=int, required=True), name='q', "
        "mode='validation', config=None)"
    )


def test_lenient_issubclass() -> None:
    assert lenient_issubclass(bool, int)
    assert not lenient_issubclass(1, int)
    assert not lenient_issubclass(list[int], list)
    assert not lenient_issubclass(None, int)
    assert lenient_issubclass(Item, (BaseModel, int))
