"""`_body`: JSON bodies read once, validated per FastAPI's rules."""

import inspect
import json
from collections.abc import Callable
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.middleware.body_limit import _RequestBodyTooLarge
from starlette.requests import ClientDisconnect, Request

from fastslim_di import EMPTY, ParameterInfo
from fastslim_routing import Depends, FastAPI, Form, params
from fastslim_routing._compile._classify import classify
from fastslim_routing._serve._body import BodyReader, _json_loads, is_json_content_type
from fastslim_routing._serve._spec import ParamSpec


class Item(BaseModel):
    name: str
    price: float = 1.0


def spec(name: str, annotation: Any, *metadata: Any, default: Any = EMPTY) -> ParamSpec:
    parameter = ParameterInfo(
        print, name, annotation, metadata, default, inspect.Parameter.POSITIONAL_OR_KEYWORD
    )
    return classify(parameter, frozenset(), 0)


def errors_of(result: Any) -> list[dict[str, Any]]:
    return [error for slot_errors in result[1].values() for _, error in slot_errors]


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/json", True),
        ("APPLICATION/JSON; charset=utf-8", True),
        ("application/problem+json", True),
        ("text/json", False),
        ("application/jsonx", False),
        ("text/plain", False),
    ],
)
def test_json_content_types(content_type: str, expected: bool) -> None:
    assert is_json_content_type(content_type) is expected


def test_single_body_valid_missing_and_optional() -> None:
    read = BodyReader([("b0", spec("item", Item))], lambda s: 0, strict=True)
    values, errors, _ = read(b'{"name":"a"}', "application/json")
    assert (values["b0"], errors) == (Item(name="a"), None)
    assert errors_of(read(b"", "application/json")) == [
        {"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}
    ]
    # JSON null is a value (FastAPI 0.165 validates it); only an empty body is missing.
    assert errors_of(read(b"null", "application/json")) == [
        {
            "type": "model_attributes_type",
            "loc": ("body",),
            "msg": "Input should be a valid dictionary or object to extract fields from",
            "input": None,
        }
    ]
    optional = BodyReader(
        [("b0", spec("item", Item | None, default=None))], lambda s: 0, strict=True
    )
    assert optional(b"", None) == ({"b0": None}, None, None)


def test_strict_and_lax_content_types() -> None:
    strict = BodyReader([("b0", spec("item", Item))], lambda s: 0, strict=True)
    error = errors_of(strict(b'{"name":"a"}', None))[0]
    assert (error["type"], error["loc"]) == ("model_attributes_type", ("body",))
    lax = BodyReader([("b0", spec("item", Item))], lambda s: 0, strict=False)
    assert lax(b'{"name":"a"}', None)[0] == {"b0": Item(name="a")}
    assert errors_of(lax(b'{"name":"a"}', "text/plain"))[0]["type"] == "model_attributes_type"


def test_malformed_and_undecodable_json() -> None:
    read = BodyReader([("b0", spec("item", Item))], lambda s: 0, strict=True)
    assert errors_of(read(b'{"name": "a",}', "application/json")) == [
        {
            "type": "json_invalid",
            "loc": ("body", 13),
            "msg": "JSON decode error",
            "input": {},
            "ctx": {"error": "Expecting property name enclosed in double quotes"},
        }
    ]
    with pytest.raises(HTTPException) as caught:
        read(b'{"name":"\xe9"}', "application/json")
    assert (caught.value.status_code, caught.value.detail) == (
        400,
        "There was an error parsing the body",
    )


def test_embedded_bodies() -> None:
    read = BodyReader(
        [("b0", spec("item", Item)), ("b1", spec("n", int, params.Body()))],
        lambda s: 0,
        strict=True,
    )
    values, errors, _ = read(b'{"item":{"name":"a"},"n":"3"}', "application/json")
    assert (values, errors) == ({"b0": Item(name="a"), "b1": 3}, None)
    assert [e["loc"] for e in errors_of(read(b"[1]", "application/json"))] == [
        ("body", "item"),
        ("body", "n"),
    ]
    nested = errors_of(read(b'{"item":{"price":"x"},"n":1}', "application/json"))
    assert [e["loc"] for e in nested] == [("body", "item", "name"), ("body", "item", "price")]
    single = BodyReader(
        [("b0", spec("item", Item, params.Body(embed=True)))], lambda s: 0, strict=True
    )
    assert single(b'{"item":{"name":"x"}}', "application/json")[0] == {"b0": Item(name="x")}


def test_a_json_body_not_an_object_misses_every_embedded_parameter() -> None:
    # FastAPI's: optional ones too; an object or a body not read as JSON only the
    # required ones.
    read = BodyReader(
        [
            ("b0", spec("item", Item)),
            ("b1", spec("note", Item | None, default=None)),
        ],
        lambda s: 0,
        strict=True,
    )
    for body in (b"[1]", b"5", b"null", b'"x"'):
        locs = [e["loc"] for e in errors_of(read(body, "application/json"))]
        assert locs == [("body", "item"), ("body", "note")]
    for body, content_type in ((b"{}", "application/json"), (b"[1]", "text/plain")):
        locs = [e["loc"] for e in errors_of(read(body, content_type))]
        assert locs == [("body", "item")]
    optional = BodyReader(
        [("b0", spec("note", Item | None, params.Body(embed=True), default=None))],
        lambda s: 0,
        strict=True,
    )
    assert optional(b"", None)[:2] == ({"b0": None}, None)
    assert [e["loc"] for e in errors_of(optional(b"[1]", "application/json"))] == [("body", "note")]


def test_json_nested_too_deep_is_a_400_not_a_500() -> None:
    read = BodyReader([("b0", spec("item", Item))], lambda s: 0, strict=True)
    for raw in (b'{"name":' + b"[" * 100_000 + b"]" * 100_000 + b"}", b"[" * 100_000):
        with pytest.raises(HTTPException) as caught:
            read(raw, "application/json")
        assert caught.value.status_code == 400


def test_json_is_validated_in_python_mode_as_fastapi_does() -> None:
    read = BodyReader([("b0", spec("item", Item))], lambda s: 0, strict=True)
    huge = b'{"name":"a","price":' + b"9" * 400 + b"}"
    assert errors_of(read(huge, "application/json"))[0]["type"] == "float_type"
    import datetime

    class Dated(BaseModel):
        model_config = {"strict": True}
        day: datetime.date

    dated = BodyReader([("b0", spec("item", Dated))], lambda s: 0, strict=True)
    assert errors_of(dated(b'{"day":"2020-01-01"}', "application/json"))[0]["type"] == "date_type"


def test_embedded_alias_choices_read_the_first_key_sent() -> None:
    from pydantic import AliasChoices

    choices = params.Body(validation_alias=AliasChoices("num", "n"))
    read = BodyReader(
        [("b0", spec("n", int, choices)), ("b1", spec("m", int, params.Body(), default=0))],
        lambda s: 0,
        strict=True,
    )
    assert read(b'{"n": 2}', "application/json")[0] == {"b0": 2, "b1": 0}
    assert read(b'{"num": 3, "n": 4}', "application/json")[0] == {"b0": 3, "b1": 0}
    assert [e["loc"] for e in errors_of(read(b'{"n": "x"}', "application/json"))] == [("body", "n")]
    assert [e["loc"] for e in errors_of(read(b"{}", "application/json"))] == [("body", "num")]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=24),
        st.text(alphabet='{}[]",:.-+eE0123456789 \\u/\ntrufalsnNIiy\ud800\ufeff', max_size=24).map(
            lambda text: text.encode("utf-8", "surrogatepass")
        ),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
            lambda children: (
                st.lists(children, max_size=3)
                | st.dictionaries(st.text(max_size=3), children, max_size=3)
            ),
        ).map(lambda value: json.dumps(value).encode()),
    )
)
def test_the_parser_gives_the_standard_librarys_values_and_errors(raw: bytes) -> None:
    try:
        expected: Any = ("value", json.loads(raw))
    except (UnicodeDecodeError, RecursionError):
        expected = ("400",)
    except ValueError as exc:
        expected = ("error", getattr(exc, "pos", None))
    try:
        value, error = _json_loads(raw)
        found: Any = ("value", value) if error is None else ("error", error[1]["loc"][1])
    except HTTPException:
        found = ("400",)
    assert repr(found) == repr(expected)


PARSE_ERROR = "There was an error parsing the body"
READ_FAILURES: list[tuple[str, Any, int | None, tuple[int, Any]]] = [
    ("a client gone", ClientDisconnect(), None, (400, PARSE_ERROR)),
    ("an I/O error", OSError("x"), 5, (400, PARSE_ERROR)),
    ("an HTTPException", HTTPException(400, "mine"), None, (400, "mine")),
    ("a 413 of the app", HTTPException(413), None, (413, "Request Entity Too Large")),
    ("a group", ExceptionGroup("g", [HTTPException(413)]), 5, (400, PARSE_ERROR)),
    ("the limit's", ExceptionGroup("g", [_RequestBodyTooLarge()]), 5, (413, "Content Too Large")),
    ("no limit", ExceptionGroup("g", [_RequestBodyTooLarge()]), None, (400, PARSE_ERROR)),
]


@pytest.mark.parametrize("kind", ["bytes", "json", "form"])
@pytest.mark.parametrize(("case", "error", "limit", "expected"), READ_FAILURES)
def test_a_failed_body_read_is_fastapis_answer(
    client_for: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    case: str,
    error: Exception,
    limit: int | None,
    expected: tuple[int, Any],
) -> None:
    # FastAPI 0.165: an HTTPException stays itself, the limit's own errors in a group are
    # its 413 when a limit is in force, anything else is the 400 (observed on FastAPI).
    app = FastAPI(max_body_size=limit)

    if kind == "form":

        @app.post("/")
        def form(x: Annotated[str, Form()]) -> str:
            return x  # pragma: no cover

    elif kind == "json":

        @app.post("/")
        def json_body(x: dict[str, Any]) -> str:
            return "ok"  # pragma: no cover

    else:

        @app.post("/")
        def raw(x: Annotated[bytes, params.Body(media_type="application/octet-stream")]) -> str:
            return "ok"  # pragma: no cover

    class Failing:
        def __aiter__(self) -> "Failing":
            return self

        async def __anext__(self) -> bytes:
            raise error

        async def aclose(self) -> None:
            pass

    monkeypatch.setattr(Request, "stream", lambda self: Failing())
    content_type = {"form": "application/x-www-form-urlencoded", "json": "application/json"}
    headers = {"content-type": content_type.get(kind, "application/octet-stream")}
    response = client_for(app).post("/", content=b"ab", headers=headers)
    assert (response.status_code, response.json()["detail"]) == expected


def test_a_body_parameter_declared_again_by_a_dependency_is_one(
    client_for: Callable[..., Any],
) -> None:
    # FastAPI's: the endpoint's `item` and a dependency's `item` are one body parameter,
    # so the body is not embedded (and the document has one body).
    class Item(BaseModel):
        data: str

    def again(item: Item) -> Item:
        return item

    app = FastAPI()

    @app.post("/dup")
    def endpoint(item: Item, same: Annotated[Item, Depends(again)]) -> list[Item]:
        return [item, same]

    client = client_for(app)
    assert client.post("/dup", json={"data": "x"}).json() == [{"data": "x"}, {"data": "x"}]
    body = app.openapi()["paths"]["/dup"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Item"}
