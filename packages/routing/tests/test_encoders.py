"""`jsonable_encoder`: every kind of value, the options, and the errors."""

from __future__ import annotations

import collections
import dataclasses
import datetime
import decimal
import enum
import ipaddress
import math
import pathlib
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pydantic.v1
import pytest
from pydantic import (
    AnyUrl,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    NameEmail,
    RootModel,
    SecretBytes,
    SecretStr,
    computed_field,
)
from pydantic.color import Color
from pydantic_core import PydanticUndefined, Url

from fastslim_routing.encoders import (
    ENCODERS_BY_TYPE,
    decimal_encoder,
    encoders_by_class_tuples,
    generate_encoders_by_class_tuples,
    isoformat,
    jsonable_encoder,
)
from fastslim_routing.exceptions import PydanticV1NotSupportedError


class Shade(enum.Enum):
    RED = "red"
    ONE = 1
    DAY = datetime.date(2020, 1, 1)


class Letter(str, enum.Enum):  # noqa: UP042 - the classic str mixin
    A = "a"


class Sub(BaseModel):
    x: int = 1
    y: str | None = None


class Item(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    name: str = Field(alias="Name")
    sub: Sub = Sub()
    items: list[Sub] = []
    when: datetime.datetime = datetime.datetime(2020, 1, 2, 3, 4, 5)
    price: decimal.Decimal = decimal.Decimal("1.50")
    n: int | None = None


class Doubled(BaseModel):
    a: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def double(self) -> int:
        return self.a * 2


class Numbers(RootModel[list[int]]):
    pass


class Floaty(BaseModel):
    f: float


@dataclasses.dataclass
class Point:
    x: int
    tags: list[Any] = dataclasses.field(default_factory=list)
    sub: Sub = dataclasses.field(default_factory=Sub)
    note: str | None = None


class Plain:
    def __init__(self) -> None:
        self.a = 1
        self.when = datetime.date(2021, 1, 1)
        self._sa_instance_state = "internal"


class Pairs:
    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter([("k", 1), ("j", 2)])


class Slotted:
    __slots__ = ("a",)

    def __init__(self) -> None:
        self.a = 1


class OldModel(pydantic.v1.BaseModel):
    a: int = 1


class MyStr(str):
    pass


def numbers() -> Iterator[Any]:
    yield 1
    yield datetime.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("héllo", "héllo"),
        (5, 5),
        (True, True),
        (1.5, 1.5),
        (Shade.RED, "red"),
        (Shade.ONE, 1),
        (Letter.A, "a"),
        (pathlib.PurePosixPath("/a/b"), "/a/b"),
        (pathlib.PureWindowsPath("C:/a"), "C:\\a"),
        ([1, "a", None, [2.5]], [1, "a", None, [2.5]]),
        ((1, 2), [1, 2]),
        ({3}, [3]),
        (frozenset({4}), [4]),
        (collections.deque([1, 2]), [1, 2]),
        (datetime.datetime(2020, 1, 2, 3, 4, 5, 6), "2020-01-02T03:04:05.000006"),
        (
            datetime.datetime(2020, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
            "2020-01-02T00:00:00+02:00",
        ),
        (datetime.date(2020, 1, 2), "2020-01-02"),
        (datetime.time(1, 2, 3, 400), "01:02:03.000400"),
        (datetime.timedelta(days=1, seconds=3, microseconds=5), 86403.000005),
        (datetime.timedelta(seconds=-1.5), -1.5),
        (decimal.Decimal("10"), 10),
        (decimal.Decimal("1E+2"), 100),
        (decimal.Decimal("1.50"), 1.5),
        (decimal.Decimal("1E-2"), 0.01),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        (b"abc", "abc"),
        (ipaddress.IPv4Address("1.2.3.4"), "1.2.3.4"),
        (ipaddress.IPv6Address("::1"), "::1"),
        (ipaddress.IPv4Network("10.0.0.0/8"), "10.0.0.0/8"),
        (ipaddress.IPv6Network("::/64"), "::/64"),
        (ipaddress.IPv4Interface("10.0.0.1/8"), "10.0.0.1/8"),
        (ipaddress.IPv6Interface("::1/64"), "::1/64"),
        (re.compile(r"a+b"), "a+b"),
        (SecretStr("pw"), "**********"),
        (SecretBytes(b"pw"), "b'**********'"),
        (Url("http://example.com/a?b=1"), "http://example.com/a?b=1"),
        (AnyUrl("http://example.com"), "http://example.com/"),
        (HttpUrl("https://x.org/p"), "https://x.org/p"),
        (NameEmail("Ann", "ann@example.com"), "Ann <ann@example.com>"),
        (PydanticUndefined, None),
        (Pairs(), {"k": 1, "j": 2}),
        (Plain(), {"a": 1, "when": "2021-01-01"}),
    ],
)
def test_values(value: Any, expected: Any) -> None:
    result = jsonable_encoder(value)
    assert result == expected
    assert type(result) is type(expected)


def test_pydantic_color() -> None:
    with pytest.warns(DeprecationWarning, match="Color"):
        color = Color("red")
    assert jsonable_encoder(color) == "red"


def test_subclasses_of_json_types_are_returned_as_they_are() -> None:
    value = MyStr("s")
    assert jsonable_encoder(value) is value
    assert jsonable_encoder(Shade.DAY) is Shade.DAY.value  # an Enum's value is not encoded


def test_generators_are_consumed_and_their_items_encoded() -> None:
    assert jsonable_encoder(numbers()) == [1, "2020-01-01"]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_floats_are_kept(value: float) -> None:
    result = jsonable_encoder(value)
    assert isinstance(result, float)
    assert result == value or (math.isnan(result) and math.isnan(value))


def test_non_finite_decimals_become_floats() -> None:
    assert math.isnan(jsonable_encoder(decimal.Decimal("NaN")))
    assert jsonable_encoder(decimal.Decimal("-Infinity")) == float("-inf")
    with pytest.raises(ValueError, match="signaling NaN"):
        jsonable_encoder(decimal.Decimal("sNaN"))


def test_dict_keys_and_values_are_encoded() -> None:
    value = {Shade.RED: datetime.date(2020, 1, 1), 3: b"x", None: {Letter.A: {1}}}
    assert jsonable_encoder(value) == {"red": "2020-01-01", 3: "x", None: {"a": [1]}}


def test_sqlalchemy_safe_drops_sa_keys() -> None:
    value = {"_sa_state": 1, "a": 2, "_sb": 3}
    assert jsonable_encoder(value) == {"a": 2, "_sb": 3}
    assert jsonable_encoder(value, sqlalchemy_safe=False) == value
    assert jsonable_encoder(Plain(), sqlalchemy_safe=False)["_sa_instance_state"] == "internal"


def test_include_and_exclude_filter_the_keys_of_one_dict() -> None:
    value = {"a": {"x": 1, "y": 2}, "b": 2, "c": 3}
    assert jsonable_encoder(value, include={"a", "c"}) == {"a": {"x": 1, "y": 2}, "c": 3}
    assert jsonable_encoder(value, exclude={"a"}) == {"b": 2, "c": 3}
    assert jsonable_encoder(value, include={"a", "b"}, exclude={"b"}) == {"a": {"x": 1, "y": 2}}
    # A mapping counts by its keys; the nested part is not applied to a plain dict.
    assert jsonable_encoder(value, include={"a": {"x"}}) == {"a": {"x": 1, "y": 2}}
    assert jsonable_encoder(value, exclude={"a": {"x"}, "b": False}) == {"c": 3}
    assert jsonable_encoder(value, include=set()) == {}
    assert jsonable_encoder(value, include={}) == {}


def test_include_applies_to_each_item_of_a_list() -> None:
    assert jsonable_encoder([{"a": 1, "b": 2}], include={"a"}) == [{"a": 1}]
    assert jsonable_encoder([Sub(x=2)], include={"x"}) == [{"x": 2}]


def test_exclude_none() -> None:
    value = [None, {"a": None, "b": {"c": None}}]
    assert jsonable_encoder(value, exclude_none=True) == [None, {"b": {}}]


def test_pydantic_model() -> None:
    item = Item(Name="n", items=[Sub(x=2)])
    assert jsonable_encoder(item) == {
        "Name": "n",
        "sub": {"x": 1, "y": None},
        "items": [{"x": 2, "y": None}],
        "when": "2020-01-02T03:04:05",
        "price": "1.50",  # Pydantic's JSON mode: a Decimal field is a string
        "n": None,
    }
    assert next(iter(jsonable_encoder(item, by_alias=False))) == "name"


def test_pydantic_model_options() -> None:
    item = Item(Name="n", n=None, items=[Sub(), Sub(x=5)])
    assert jsonable_encoder(item, exclude_unset=True) == {
        "Name": "n",
        "items": [{}, {"x": 5}],
        "n": None,
    }
    assert jsonable_encoder(item, exclude_defaults=True) == {"Name": "n", "items": [{}, {"x": 5}]}
    assert "n" not in jsonable_encoder(item, exclude_none=True)
    assert jsonable_encoder(item, include={"sub": {"x"}}) == {"sub": {"x": 1}}
    excluded = jsonable_encoder(item, exclude={"items": {"__all__": {"x"}}, "when": True})
    assert excluded["items"] == [{"y": None}, {"y": None}]
    assert "when" not in excluded


def test_options_reach_models_inside_containers() -> None:
    assert jsonable_encoder({"a": Sub()}, exclude_defaults=True) == {"a": {}}
    assert jsonable_encoder([Sub()], exclude_unset=True) == [{}]
    assert jsonable_encoder({"a": Sub(), "b": 1}, include={"a"}) == {"a": {"x": 1, "y": None}}


def test_computed_fields_and_root_models() -> None:
    assert jsonable_encoder(Doubled(a=2)) == {"a": 2, "double": 4}
    assert jsonable_encoder(Doubled(a=2), exclude={"double"}) == {"a": 2}
    assert jsonable_encoder(Numbers([1, 2])) == [1, 2]


def test_model_with_non_finite_float() -> None:
    assert math.isnan(jsonable_encoder(Floaty(f=float("nan")))["f"])


def test_model_output_is_sqlalchemy_filtered() -> None:
    class WithSa(BaseModel):
        data: dict[str, int]

    assert jsonable_encoder(WithSa(data={"_sa_x": 1, "k": 2})) == {"data": {"k": 2}}


def test_dataclasses() -> None:
    point = Point(x=1, tags=[datetime.date(2020, 1, 1)])
    expected = {"x": 1, "tags": ["2020-01-01"], "sub": {"x": 1, "y": None}, "note": None}
    assert jsonable_encoder(point) == expected
    assert jsonable_encoder(point, include={"x"}) == {"x": 1}
    assert jsonable_encoder(point, exclude_none=True) == {
        "x": 1,
        "tags": ["2020-01-01"],
        "sub": {"x": 1},
    }


def test_a_dataclass_class_is_refused() -> None:
    with pytest.raises(TypeError, match="needs a dataclass instance"):
        jsonable_encoder(Point)


def test_custom_encoder_by_class_and_by_isinstance() -> None:
    to_d = {datetime.date: lambda d: "D"}
    assert jsonable_encoder(datetime.date(2020, 1, 1), custom_encoder=to_d) == "D"
    assert jsonable_encoder(datetime.datetime(2020, 1, 1), custom_encoder=to_d) == "D"
    assert jsonable_encoder([1, 2], custom_encoder={int: lambda i: i * 10}) == [10, 20]
    assert jsonable_encoder("x", custom_encoder={str: lambda s: s + "!"}) == "x!"
    assert jsonable_encoder(None, custom_encoder={type(None): lambda n: "N"}) == "N"
    assert jsonable_encoder(Plain(), custom_encoder={object: lambda o: "O"}) == "O"
    assert jsonable_encoder(Sub(), custom_encoder={Sub: lambda s: "S"}) == "S"
    point = Point(x=1, tags=[datetime.date(2020, 1, 1)])
    assert jsonable_encoder(point, custom_encoder=to_d)["tags"] == ["D"]


def test_custom_encoder_does_not_reach_inside_a_model() -> None:
    encoded = jsonable_encoder(Item(Name="n"), custom_encoder={str: lambda s: "!"})
    assert encoded["Name"] == "n"


def test_encoders_by_type_are_read_at_call_time() -> None:
    class ObjectId:
        def __init__(self, value: str) -> None:
            self.value = value

    class SubId(ObjectId):
        pass

    assert jsonable_encoder(ObjectId("1")) == {"value": "1"}
    ENCODERS_BY_TYPE[ObjectId] = lambda o: f"oid:{o.value}"
    try:
        assert jsonable_encoder({"id": ObjectId("1")}) == {"id": "oid:1"}
        # As FastAPI: subclasses are matched against the tables computed at import.
        assert jsonable_encoder(SubId("2")) == {"value": "2"}
    finally:
        del ENCODERS_BY_TYPE[ObjectId]
    assert jsonable_encoder(ObjectId("1")) == {"value": "1"}


def test_unencodable_objects_raise_value_error_listing_both_attempts() -> None:
    with pytest.raises(ValueError) as info:  # noqa: PT011 - the message is checked below
        jsonable_encoder(Slotted())
    errors = info.value.args[0]
    assert [type(error) for error in errors] == [TypeError, TypeError]
    assert str(errors[0]) == "'Slotted' object is not iterable"
    assert str(errors[1]) == "vars() argument must have __dict__ attribute"
    assert info.value.__cause__ is errors[1]
    for value in (object(), 1j, range(3), bytearray(b"a"), ...):
        with pytest.raises(ValueError):  # noqa: PT011
            jsonable_encoder(value)


def test_undecodable_bytes_and_unhashable_keys() -> None:
    with pytest.raises(UnicodeDecodeError):
        jsonable_encoder(b"\xff")
    with pytest.raises(TypeError, match="unhashable"):
        jsonable_encoder({(1, 2): "tuple keys become lists"})


def test_pydantic_v1_models_are_refused() -> None:
    message = (
        "pydantic.v1 models are no longer supported by FastAPI. "
        "Please update the model OldModel(a=1)."
    )
    for value in (OldModel(), [OldModel()], {"a": OldModel()}):
        with pytest.raises(PydanticV1NotSupportedError) as info:
            jsonable_encoder(value)
        assert str(info.value) == message
    assert jsonable_encoder(OldModel(), custom_encoder={OldModel: lambda m: "ok"}) == "ok"


def test_helpers() -> None:
    assert decimal_encoder(decimal.Decimal("1")) == 1
    assert isinstance(decimal_encoder(decimal.Decimal("1.0")), float)
    assert isoformat(datetime.time(1)) == "01:00:00"
    grouped = generate_encoders_by_class_tuples({int: str, float: str, bytes: repr})
    assert dict(grouped) == {str: (int, float), repr: (bytes,)}
    assert encoders_by_class_tuples[isoformat] == (
        datetime.date,
        datetime.datetime,
        datetime.time,
    )


def test_deep_documents_encode_one_frame_per_level() -> None:
    import sys

    depth = sys.getrecursionlimit() * 9 // 10
    nested: Any = 1
    for level in range(depth):
        nested = {"x": nested} if level % 2 else [nested]
    encoded = jsonable_encoder(nested)
    for level in reversed(range(depth)):
        encoded = encoded["x"] if level % 2 else encoded[0]
    assert encoded == 1
