"""fastslim's support modules against FastAPI's: the same values give the same results.

`jsonable_encoder` on a broad set of values and options, the validation errors'
`str()`/`errors()`/attributes, the endpoint context of FastAPI's own 422s, the
default exception handlers, `generate_unique_id` and `is_body_allowed_for_status_code`.
Runs only in `nox -s compat`.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime
import decimal
import enum
import functools
import ipaddress
import math
import pathlib
import re
import types
import uuid
import warnings
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import fastapi.datastructures
import fastapi.encoders
import fastapi.exception_handlers
import fastapi.exceptions
import fastapi.utils
import pydantic.v1
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
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
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticUndefined, Url
from starlette.requests import Request

import fastslim.datastructures
import fastslim.encoders
import fastslim.exception_handlers
import fastslim.exceptions
import fastslim.utils
from fastslim.testclient import TestClient
from fastslim_routing.exceptions import endpoint_context


class Shade(enum.Enum):
    RED = "red"
    ONE = 1
    PAIR = (1, 2)


class Letter(str, enum.Enum):  # noqa: UP042 - the classic str mixin
    A = "a"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Sub(BaseModel):
    x: int = 1
    y: str | None = None


class Item(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    name: str = Field(alias="Name")
    sub: Sub = Sub()
    items: list[Sub] = []
    extra: dict[str, Any] = {}
    when: datetime.datetime = datetime.datetime(2020, 1, 2, 3, 4, 5)
    price: decimal.Decimal = decimal.Decimal("1.50")
    span: datetime.timedelta = datetime.timedelta(seconds=90)
    raw: bytes = b"hi"
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
    model_config = ConfigDict(ser_json_inf_nan="strings")
    f: float


@dataclasses.dataclass
class Point:
    x: int
    tags: list[Any] = dataclasses.field(default_factory=list)
    sub: Sub = dataclasses.field(default_factory=Sub)
    note: str | None = None
    _sa_hidden: int = 0


class Pair(NamedTuple):
    a: int
    b: datetime.date


@dataclasses.dataclass
class Inner:
    day: datetime.date = datetime.date(2020, 1, 1)


@dataclasses.dataclass
class Outer:
    inner: list[Inner] = dataclasses.field(default_factory=lambda: [Inner(), Inner()])
    other: int = 0


class Camel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
    first_name: str = "a"
    inner: dict[str, Any] = {}


class Plain:
    def __init__(self) -> None:
        self.a = 1
        self.when = datetime.date(2021, 1, 1)
        self.none = None
        self._sa_instance_state = "internal"


class Pairs:
    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter([("k", 1), ("d", datetime.time(1))])


class Slotted:
    __slots__ = ("a",)


class OldModel(pydantic.v1.BaseModel):
    a: int = 1


class MyStr(str):
    pass


class MyDate(datetime.date):
    pass


def generated() -> Iterator[Any]:
    yield 1
    yield {"d": datetime.date(2020, 1, 1)}


def to_d(value: Any) -> str:
    return "D"


# Each case builds its value afresh (generators are consumed): (value, options).
CASES: dict[str, Callable[[], tuple[Any, dict[str, Any]]]] = {
    "none": lambda: (None, {}),
    "str": lambda: ("héllo", {}),
    "int": lambda: (5, {}),
    "bool": lambda: (False, {}),
    "float": lambda: (1.5, {}),
    "nan": lambda: (float("nan"), {}),
    "inf": lambda: (float("-inf"), {}),
    "str subclass": lambda: (MyStr("s"), {}),
    "enum": lambda: (Shade.RED, {}),
    "enum tuple value": lambda: (Shade.PAIR, {}),
    "str enum": lambda: (Letter.A, {}),
    "int enum": lambda: (Level.HIGH, {}),
    "pure path": lambda: (pathlib.PurePosixPath("/a/b"), {}),
    "windows path": lambda: (pathlib.PureWindowsPath("C:/a"), {}),
    "path": lambda: (pathlib.Path("/x/y"), {}),
    "dict": lambda: ({"a": 1, 3: "int key", None: "none key", 1.5: [b"x"]}, {}),
    "dict enum and date keys": lambda: ({Shade.RED: 1, datetime.date(2020, 1, 1): 2}, {}),
    "dict sa keys": lambda: ({"_sa_x": 1, "a": 2, "_sb": 3}, {}),
    "dict sa keys unsafe": lambda: ({"_sa_x": 1, "a": 2}, {"sqlalchemy_safe": False}),
    "dict exclude none": lambda: ({"a": None, "b": {"c": None}}, {"exclude_none": True}),
    "dict include": lambda: ({"a": 1, "b": 2, "c": 3}, {"include": {"a", "c"}}),
    "dict exclude": lambda: ({"a": 1, "b": 2, "c": 3}, {"exclude": {"a"}}),
    "dict include exclude": lambda: ({"a": 1, "b": 2}, {"include": {"a", "b"}, "exclude": {"b"}}),
    "dict include mapping": lambda: ({"a": {"x": 1, "y": 2}, "b": 2}, {"include": {"a": {"x"}}}),
    "dict exclude mapping": lambda: ({"a": {"x": 1}, "b": 2}, {"exclude": {"a": ..., "b": False}}),
    "dict include empty": lambda: ({"a": 1}, {"include": set()}),
    "dict include list": lambda: ({"a": 1, "b": 2}, {"include": ["a"]}),
    "list": lambda: ([1, "a", None, [2.5]], {}),
    "list include": lambda: ([{"a": 1, "b": 2}, Sub(x=3)], {"include": {"a", "x"}}),
    "list exclude none": lambda: ([None, {"a": None}], {"exclude_none": True}),
    "tuple": lambda: ((1, datetime.time(2)), {}),
    "set": lambda: ({3}, {}),
    "frozenset": lambda: (frozenset({decimal.Decimal("2.0")}), {}),
    "deque": lambda: (collections.deque([1, 2]), {}),
    "generator": lambda: (generated(), {}),
    "datetime": lambda: (datetime.datetime(2020, 1, 2, 3, 4, 5, 6), {}),
    "datetime tz": lambda: (
        datetime.datetime(2020, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))),
        {},
    ),
    "date": lambda: (datetime.date(2020, 1, 2), {}),
    "date subclass": lambda: (MyDate(2020, 1, 3), {}),
    "time": lambda: (datetime.time(1, 2, 3, 400), {}),
    "timedelta": lambda: (datetime.timedelta(days=1, seconds=3, microseconds=5), {}),
    "negative timedelta": lambda: (datetime.timedelta(seconds=-1.5), {}),
    "decimal int": lambda: (decimal.Decimal("10"), {}),
    "decimal exponent": lambda: (decimal.Decimal("1E+2"), {}),
    "decimal fraction": lambda: (decimal.Decimal("1.50"), {}),
    "decimal nan": lambda: (decimal.Decimal("NaN"), {}),
    "decimal infinity": lambda: (decimal.Decimal("-Infinity"), {}),
    "decimal signaling nan": lambda: (decimal.Decimal("sNaN"), {}),
    "decimal big": lambda: (decimal.Decimal("123456789012345678901234567890"), {}),
    "uuid": lambda: (uuid.UUID(int=7), {}),
    "bytes": lambda: (b"abc", {}),
    "undecodable bytes": lambda: (b"\xff", {}),
    "bytearray": lambda: (bytearray(b"ab"), {}),
    "ipv4": lambda: (ipaddress.IPv4Address("1.2.3.4"), {}),
    "ipv6": lambda: (ipaddress.IPv6Address("::1"), {}),
    "ipv4 network": lambda: (ipaddress.IPv4Network("10.0.0.0/8"), {}),
    "ipv6 network": lambda: (ipaddress.IPv6Network("::/64"), {}),
    "ipv4 interface": lambda: (ipaddress.IPv4Interface("10.0.0.1/8"), {}),
    "ipv6 interface": lambda: (ipaddress.IPv6Interface("::1/64"), {}),
    "pattern": lambda: (re.compile(r"a+b"), {}),
    "bytes pattern": lambda: (re.compile(rb"a+"), {}),
    "secret str": lambda: (SecretStr("pw"), {}),
    "secret bytes": lambda: (SecretBytes(b"pw"), {}),
    "url": lambda: (Url("http://example.com/a?b=1"), {}),
    "any url": lambda: (AnyUrl("http://example.com"), {}),
    "http url": lambda: (HttpUrl("https://x.org/p"), {}),
    "name email": lambda: (NameEmail("Ann", "ann@example.com"), {}),
    "undefined": lambda: (PydanticUndefined, {}),
    "model": lambda: (Item(Name="n", items=[Sub(x=2)], extra={"k": Sub()}), {}),
    "model by field name": lambda: (Item(Name="n"), {"by_alias": False}),
    "model exclude unset": lambda: (Item(Name="n", n=None, items=[Sub()]), {"exclude_unset": True}),
    "model exclude defaults": lambda: (Item(Name="n", sub=Sub(x=1)), {"exclude_defaults": True}),
    "model exclude none": lambda: (Item(Name="n"), {"exclude_none": True}),
    "model include": lambda: (Item(Name="n"), {"include": {"name", "sub"}}),
    "model include nested": lambda: (Item(Name="n"), {"include": {"sub": {"x"}}}),
    "model exclude items": lambda: (
        Item(Name="n", items=[Sub(), Sub(x=5)]),
        {"exclude": {"items": {"__all__": {"x"}}, "when": True}},
    ),
    "model sa keys": lambda: (Item(Name="n", extra={"_sa_x": 1, "k": None}), {}),
    "model in containers": lambda: ({"a": [Sub(), {"m": Sub(x=9)}]}, {"exclude_defaults": True}),
    "computed field": lambda: (Doubled(a=2), {}),
    "computed field excluded": lambda: (Doubled(a=2), {"exclude": {"double"}}),
    "root model": lambda: (Numbers([1, 2]), {}),
    "model nan": lambda: (Floaty(f=float("nan")), {}),
    "dataclass": lambda: (Point(x=1, tags=[datetime.date(2020, 1, 1)]), {}),
    "dataclass include": lambda: (Point(x=1), {"include": {"x"}}),
    "dataclass exclude none": lambda: (Point(x=1), {"exclude_none": True}),
    "object with __dict__": lambda: (Plain(), {}),
    "object with __dict__ unsafe": lambda: (Plain(), {"sqlalchemy_safe": False}),
    "object with __dict__ exclude": lambda: (Plain(), {"exclude": {"a"}, "exclude_none": True}),
    "iterable of pairs": lambda: (Pairs(), {}),
    "slots object": lambda: (Slotted(), {}),
    "plain object": lambda: (object(), {}),
    "complex": lambda: (1j, {}),
    "range": lambda: (range(3), {}),
    "dict keys view": lambda: ({"a": 1}.keys(), {}),
    "tuple key": lambda: ({(1, 2): "t"}, {}),
    "pydantic v1 model": lambda: (OldModel(), {}),
    "pydantic v1 model in a list": lambda: ([OldModel(a=2)], {}),
    "custom encoder by class": lambda: (
        datetime.date(2020, 1, 1),
        {"custom_encoder": {datetime.date: to_d}},
    ),
    "custom encoder by isinstance": lambda: (
        datetime.datetime(2020, 1, 1),
        {"custom_encoder": {datetime.date: to_d}},
    ),
    "custom encoder in a dict": lambda: (
        {"a": uuid.UUID(int=1)},
        {"custom_encoder": {uuid.UUID: to_d}},
    ),
    "custom encoder for str": lambda: (["x", {"k": "v"}], {"custom_encoder": {str: to_d}}),
    "custom encoder and model": lambda: (Item(Name="n"), {"custom_encoder": {str: to_d}}),
    "custom encoder for model": lambda: (Item(Name="n"), {"custom_encoder": {Item: to_d}}),
    "custom encoder for none": lambda: ([None], {"custom_encoder": {type(None): to_d}}),
    "custom encoder for object": lambda: (Plain(), {"custom_encoder": {object: to_d}}),
    "custom encoder in dataclass": lambda: (
        Point(x=1, tags=[datetime.date(2020, 1, 1)]),
        {"custom_encoder": {datetime.date: to_d}},
    ),
    "custom encoder for v1 model": lambda: (OldModel(), {"custom_encoder": {OldModel: to_d}}),
    "mapping proxy": lambda: (types.MappingProxyType({"a": 1, "_sa": 2}), {}),
    "ordered dict include": lambda: (
        collections.OrderedDict(b=1, a=datetime.date(2020, 1, 1)),
        {"include": {"a"}},
    ),
    "counter": lambda: (collections.Counter("aab"), {}),
    "named tuple": lambda: (Pair(1, datetime.date(2020, 1, 1)), {}),
    "simple namespace": lambda: (types.SimpleNamespace(a=1, b=None), {"exclude_none": True}),
    "nested dataclasses": lambda: (Outer(), {"include": {"inner"}}),
    "alias generator": lambda: (Camel(first_name="x", inner={"a_b": 1}), {}),
    "alias generator by name": lambda: (Camel(), {"by_alias": False}),
    "exception object": lambda: (ValueError("x"), {}),
    "class object": lambda: (int, {}),
    "timezone": lambda: (datetime.UTC, {}),
    "negative zero decimal": lambda: (decimal.Decimal("-0"), {}),
    "int keys exclude": lambda: ({1: "a", 2: "b"}, {"exclude": {1}}),
}


def outcome(encode: Callable[..., Any], case: str) -> tuple[str, Any]:
    """("ok", result) or ("raised", exception class name, message)."""
    value, options = CASES[case]()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "ok", normalise(encode(value, **options))
        except Exception as exc:
            return "raised", (type(exc).__name__, str(exc))


def normalise(value: Any) -> Any:
    """The result with its exact types, NaN made comparable."""
    if isinstance(value, float) and math.isnan(value):
        return ("nan", type(value).__name__)
    if isinstance(value, dict):
        return ("dict", [(normalise(k), normalise(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [normalise(item) for item in value])
    return (type(value).__name__, value)


@pytest.mark.parametrize("case", sorted(CASES))
def test_jsonable_encoder_matches(case: str) -> None:
    expected = outcome(fastapi.encoders.jsonable_encoder, case)
    assert outcome(fastslim.encoders.jsonable_encoder, case) == expected


def test_a_dataclass_class_is_a_documented_difference() -> None:
    # FastAPI fails with a bare AssertionError; fastslim names the mistake.
    with pytest.raises(AssertionError):
        fastapi.encoders.jsonable_encoder(Point)
    with pytest.raises(TypeError, match="needs a dataclass instance"):
        fastslim.encoders.jsonable_encoder(Point)


def test_encoder_helpers_match() -> None:
    for value in ("1", "1.0", "1E+3", "-2.5", "NaN"):
        ours = fastslim.encoders.decimal_encoder(decimal.Decimal(value))
        theirs = fastapi.encoders.decimal_encoder(decimal.Decimal(value))
        assert normalise(ours) == normalise(theirs)
    assert set(fastslim.encoders.ENCODERS_BY_TYPE) <= set(fastapi.encoders.ENCODERS_BY_TYPE)


ERRORS = [
    {"type": "missing", "loc": ("query", "q"), "msg": "Field required", "input": None},
    {"type": "int_parsing", "loc": ("path", "id"), "msg": "Not an int", "input": "x"},
]
CONTEXTS: list[Any] = [
    None,
    {"file": "/app/main.py", "line": 12, "function": "read_item", "path": "GET /items/{id}"},
    {"path": "GET /partial"},
    {"file": "x.py", "line": 3, "function": "f"},
    {"file": "x.py", "line": 3, "path": "WS /ws"},
    {},
]


@pytest.mark.parametrize("name", ["ValidationException", "WebSocketRequestValidationError"])
@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("context", range(len(CONTEXTS)))
def test_validation_errors_match(name: str, count: int, context: int) -> None:
    ours = getattr(fastslim.exceptions, name)(ERRORS[:count], endpoint_ctx=CONTEXTS[context])
    theirs = getattr(fastapi.exceptions, name)(ERRORS[:count], endpoint_ctx=CONTEXTS[context])
    assert_same_exception(ours, theirs)


@pytest.mark.parametrize("name", ["RequestValidationError", "ResponseValidationError"])
@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("context", range(len(CONTEXTS)))
def test_validation_errors_with_body_match(name: str, count: int, context: int) -> None:
    errors, ctx = ERRORS[:count], CONTEXTS[context]
    ours = getattr(fastslim.exceptions, name)(errors, body={"a": 1}, endpoint_ctx=ctx)
    theirs = getattr(fastapi.exceptions, name)(errors, body={"a": 1}, endpoint_ctx=ctx)
    assert_same_exception(ours, theirs)
    assert ours.body == theirs.body


def assert_same_exception(ours: Any, theirs: Any) -> None:
    assert str(ours) == str(theirs)
    assert repr(ours) == repr(theirs)
    assert ours.args == theirs.args
    assert ours.errors() == theirs.errors()
    for attribute in ("endpoint_ctx", "endpoint_function", "endpoint_path"):
        assert getattr(ours, attribute) == getattr(theirs, attribute)
    assert (ours.endpoint_file, ours.endpoint_line) == (theirs.endpoint_file, theirs.endpoint_line)


def test_http_exceptions_match() -> None:
    cases: list[tuple[int, Any]] = [(404, None), (400, {"a": [1]}), (799, None)]
    for status_code, detail in cases:
        ours = fastslim.exceptions.HTTPException(status_code, detail, headers={"X": "1"})
        theirs = fastapi.exceptions.HTTPException(status_code, detail, headers={"X": "1"})
        assert (str(ours), repr(ours), ours.args) == (str(theirs), repr(theirs), theirs.args)
        assert (ours.detail, ours.headers) == (theirs.detail, theirs.headers)


class CallableEndpoint:
    def __call__(self, q: int) -> int:
        return q

    def method(self, q: int) -> int:
        return q


def _wraps(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def plain(q: int) -> int:
    return q


async def asynchronous(q: int) -> int:
    return q


@_wraps
def decorated(q: int) -> int:
    return q


def two(a: int, q: int) -> int:
    return q


ENDPOINTS: dict[str, Any] = {
    "plain": plain,
    "async": asynchronous,
    "decorated": decorated,
    "lambda": lambda q: q,
    "partial": functools.partial(two, 1),
    "callable instance": CallableEndpoint(),
    "bound method": CallableEndpoint().method,
}


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_endpoint_context_matches_fastapis(name: str) -> None:
    caught: list[Any] = []
    app = FastAPI()

    @app.exception_handler(fastapi.exceptions.RequestValidationError)
    async def keep(request: Request, exc: Any) -> Any:
        caught.append(exc)
        return await fastapi.exception_handlers.request_validation_exception_handler(request, exc)

    app.add_api_route("/items/{item_id}", ENDPOINTS[name], methods=["PUT", "GET"])
    with TestClient(app) as client:
        assert client.put("/items/3").status_code == 422
    expected = caught[0].endpoint_ctx
    assert endpoint_context(ENDPOINTS[name], "PUT /items/{item_id}") == expected


def make_request() -> Request:
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    return Request(scope)


@pytest.mark.anyio
@pytest.mark.parametrize("status_code", [200, 204, 205, 304, 400, 401, 418, 500, 799])
async def test_http_exception_handler_matches(status_code: int) -> None:
    exc = fastapi.exceptions.HTTPException(status_code, headers={"X-A": "b"})
    ours = await fastslim.exception_handlers.http_exception_handler(make_request(), exc)
    theirs = await fastapi.exception_handlers.http_exception_handler(make_request(), exc)
    assert (ours.status_code, ours.body) == (theirs.status_code, theirs.body)
    assert ours.headers.raw == theirs.headers.raw


@pytest.mark.anyio
async def test_request_validation_handler_matches() -> None:
    errors = [{"loc": ("body", 0), "when": datetime.date(2020, 1, 2), "ctx": {"error": {}}}]
    handler = fastslim.exception_handlers.request_validation_exception_handler
    ours = await handler(make_request(), fastslim.exceptions.RequestValidationError(errors))
    theirs = await fastapi.exception_handlers.request_validation_exception_handler(
        make_request(), fastapi.exceptions.RequestValidationError(errors)
    )
    assert (ours.status_code, ours.body, ours.headers.raw) == (
        theirs.status_code,
        theirs.body,
        theirs.headers.raw,
    )


def endpoint() -> None:
    pass


@pytest.mark.parametrize(
    ("path", "methods", "name"),
    [
        ("/items/{item_id}", ["GET"], None),
        ("/a-b/c.d/{x:path}", ["POST"], "my-name"),
        ("/", ["PUT"], None),
        ("/ünï/{id}", ["delete"], "ńame"),
        ("/x/{a}/{b:int}", ["PATCH"], "n n"),
    ],
)
def test_generate_unique_id_matches(path: str, methods: list[str], name: str | None) -> None:
    route = APIRoute(path, endpoint, methods=methods, name=name)
    assert fastslim.utils.generate_unique_id(route) == fastapi.utils.generate_unique_id(route)


@pytest.mark.parametrize(
    "status_code", [None, "default", "2XX", "204", 100, 199, 200, 204, 205, 304, 305, 0, -1]
)
def test_is_body_allowed_for_status_code_matches(status_code: Any) -> None:
    ours = fastslim.utils.is_body_allowed_for_status_code(status_code)
    assert ours == fastapi.utils.is_body_allowed_for_status_code(status_code)


def test_default_placeholders_match() -> None:
    for module in (fastapi.datastructures, fastslim.datastructures):
        default, placeholder = module.Default, module.DefaultPlaceholder
        observed = [
            bool(default(1)),
            bool(default(0)),
            default(1) == default(1),
            default(1) == 1,
            default(1) != default(2),
            placeholder([]) == default([]),
        ]
        assert observed == [True, False, True, False, True, True]
    ours = fastslim.utils.get_value_or_default(fastslim.datastructures.Default(1), 3)
    assert ours == fastapi.utils.get_value_or_default(fastapi.datastructures.Default(1), 3)


def test_dict_and_path_helpers_match() -> None:
    path = "/a/{b}/{c:int}/{d}/{b}"
    ours = fastslim.utils.get_path_param_names(path)
    assert ours == fastapi.utils.get_path_param_names(path)
    update = {"a": {"x": 2, "l": [2]}, "c": {"n": 1}, "t": [2]}
    main_ours: dict[str, Any] = {"a": {"b": 1, "l": [1]}, "c": 2, "t": (1,)}
    main_theirs: dict[str, Any] = {"a": {"b": 1, "l": [1]}, "c": 2, "t": (1,)}
    fastslim.utils.deep_dict_update(main_ours, update)
    fastapi.utils.deep_dict_update(main_theirs, update)
    assert main_ours == main_theirs
