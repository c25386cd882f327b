"""`_extract`: raw values per location, as FastAPI reads them."""

import inspect
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, Json
from starlette.requests import Request

from fastslim_di import EMPTY, ParameterInfo
from fastslim_routing import params
from fastslim_routing._compile._classify import classify
from fastslim_routing._serve._extract import MATCHED, Extractor


def request(query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None) -> Request:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/",
        "query_string": query,
        "headers": headers or [],
        "path_params": {"item_id": 3},
    }
    return Request(scope)


def spec(name: str, annotation: Any, *metadata: Any, path: bool = False) -> Any:
    parameter = ParameterInfo(
        print, name, annotation, metadata, EMPTY, inspect.Parameter.POSITIONAL_OR_KEYWORD
    )
    return classify(parameter, frozenset({"item_id"}) if path else frozenset(), 0)


def test_only_present_keys_last_query_value_first_header_value() -> None:
    extract = Extractor(
        [
            ("p0", spec("item_id", int, path=True)),
            ("p1", spec("q", str)),
            ("p2", spec("missing", str)),
            ("p3", spec("x_token", str, params.Header())),
            ("p4", spec("tags", list[str], params.Query())),
        ]
    )
    data = extract(
        request(b"q=1&q=2&tags=a&tags=b", [(b"x-token", b"first"), (b"x-token", b"second")])
    )
    assert data == {"p0": 3, "p1": "2", "p3": "first", "p4": ["a", "b"]}


def test_alias_choices_take_the_first_present_key() -> None:
    extract = Extractor(
        [("p0", spec("v", str, params.Query(validation_alias=AliasChoices("v1", "v2"))))]
    )
    assert extract(request(b"v2=b&v1=a")) == {"p0": "a", MATCHED: {"p0": "v1"}}
    assert extract(request(b"v2=b")) == {"p0": "b", MATCHED: {"p0": "v2"}}


class Filters(BaseModel):
    limit: int = 10
    tags: list[str] = []


class Tokens(BaseModel):
    x_token: str


def test_parameter_models_read_the_whole_location_declared_fields_first() -> None:
    extract = Extractor([("p0", spec("f", Filters, params.Query()))])
    assert extract(request(b"other=1&tags=a&tags=b&limit=2")) == {
        "p0": {"limit": "2", "tags": ["a", "b"], "other": "1"}
    }
    headers = Extractor([("p0", spec("h", Tokens, params.Header()))])
    found = headers(request(headers=[(b"accept", b"*/*"), (b"x-token", b"t")]))
    assert found == {"p0": {"x_token": "t", "accept": "*/*"}}


def test_an_optional_model_none_of_whose_keys_was_sent_is_absent() -> None:
    parameter = ParameterInfo(
        print,
        "f",
        Filters | None,
        (params.Query(),),
        None,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    )
    extract = Extractor([("p0", classify(parameter, frozenset(), 0))])
    assert extract(request(b"other=1")) == {}
    assert extract(request(b"limit=3")) == {"p0": {"limit": "3"}}


def test_a_repeated_key_no_field_declares_gives_the_list_of_its_values() -> None:
    # FastAPI's: `extra="forbid"` echoes the list, `extra="allow"` receives it.
    extract = Extractor([("p0", spec("f", Filters, params.Query()))])
    assert extract(request(b"z=1&limit=2&z=&z=3&limit=4&y=5")) == {
        "p0": {"limit": "4", "z": ["1", "", "3"], "y": "5"}
    }
    headers = Extractor([("p0", spec("h", Tokens, params.Header()))])
    found = headers(request(headers=[(b"x-z", b"1"), (b"x-token", b"t"), (b"x-z", b"2")]))
    assert found == {"p0": {"x_token": "t", "x-z": ["1", "2"]}}


class RawTokens(BaseModel):
    x_tok: str | None = None


def test_a_header_model_without_underscore_conversion() -> None:
    extract = Extractor([("p0", spec("h", RawTokens, params.Header(convert_underscores=False)))])
    assert extract(request(headers=[(b"x_tok", b"a")])) == {"p0": {"x_tok": "a"}}
    assert extract(request(headers=[(b"x-tok", b"b")])) == {"p0": {"x-tok": "b"}}


def model_spec(annotation: Any, marker: Any, default: Any = EMPTY) -> Any:
    parameter = ParameterInfo(
        print, "m", annotation, (marker,), default, inspect.Parameter.POSITIONAL_OR_KEYWORD
    )
    return classify(parameter, frozenset(), 0)


def test_header_model_aliases_are_literal_and_case_insensitive() -> None:
    class Headers(BaseModel):
        save_data: bool = False
        p: str = Field("", alias="P_Alias")
        token: str = Field("", validation_alias=AliasChoices("X-First", "x_second"))
        names: list[str] = Field([], validation_alias=AliasChoices("Names", "Legacy"))

    extract = Extractor([("p0", model_spec(Headers, params.Header()))])
    found = extract(
        request(
            headers=[
                (b"save_data", b"ignored"),  # the field's name, sent literally: ignored
                (b"p_alias", b"literal"),
                (b"x_second", b"2"),
                (b"x-first", b"1"),
                (b"names", b"a"),
                (b"names", b"b"),
                (b"legacy", b"unused"),
            ]
        )
    )
    assert found["p0"] == {
        "P_Alias": "literal",
        "X-First": "1",  # the first choice sent is read, with the field's shape
        "Names": ["a", "b"],
        "x_second": "2",  # the other choices are undeclared keys (extras)
        "legacy": "unused",
    }
    converted = extract(request(headers=[(b"save-data", b"true"), (b"p-alias", b"hyphen")]))
    assert converted["p0"] == {"save_data": "true", "p-alias": "hyphen"}  # not the alias

    class ByName(BaseModel):
        model_config = ConfigDict(populate_by_name=True)
        x_values: list[int] = Field(alias="X-Second")

    by_name = Extractor([("p0", model_spec(ByName, params.Header()))])
    assert by_name(request(headers=[(b"x-values", b"1")]))["p0"] == {"x_values": ["1"]}
    assert by_name(request(headers=[(b"x-values", b"1"), (b"x-second", b"2")]))["p0"] == {
        "X-Second": ["2"],
        "x-values": "1",  # the choice not read: an undeclared key
    }


def test_cookie_models_are_case_sensitive() -> None:
    class Cookies(BaseModel):
        Session: str = "upper"
        session: str = "lower"

    extract = Extractor([("p0", model_spec(Cookies, params.Cookie()))])
    found = extract(request(headers=[(b"cookie", b"session=b; Other=1")]))
    assert found["p0"] == {"session": "b", "Other": "1"}


def test_nullable_or_optional_models_are_absent_without_their_keys() -> None:
    class Plain(BaseModel):
        term: str = "default"

    class Allow(BaseModel):
        model_config = ConfigDict(extra="allow")
        term: str = "default"

    nullable = Extractor([("p0", model_spec(Plain | None, params.Query()))])
    assert nullable(request(b"other=1")) == {}  # missing as a whole (it has no default)
    assert nullable(request(b"term=")) == {"p0": {"term": ""}}
    required = Extractor([("p0", model_spec(Plain, params.Query()))])
    assert required(request(b"")) == {"p0": {}}  # validated: its defaults apply
    allow = Extractor([("p0", model_spec(Allow | None, params.Query(), None))])
    assert allow(request(b"")) == {}
    assert allow(request(b"unknown=v")) == {"p0": {"unknown": "v"}}  # any key: present


def test_an_explicit_json_model_in_query_is_one_parameter() -> None:
    class Filter(BaseModel):
        name: str

    json_spec = model_spec(Json[Filter], params.Query())
    assert not json_spec.is_model
    extract = Extractor([("p0", json_spec)])
    assert extract(request(b"m=%7B%22name%22%3A%22n%22%7D")) == {"p0": '{"name":"n"}'}


def choice_spec(name: str, annotation: Any, marker: Any, names: frozenset[str]) -> Any:
    parameter = ParameterInfo(
        print, name, annotation, (marker,), EMPTY, inspect.Parameter.POSITIONAL_OR_KEYWORD
    )
    return classify(parameter, names, 0)


def test_alias_choices_of_single_cookie_list_and_path_parameters() -> None:
    cookie = choice_spec(
        "value", int, params.Cookie(validation_alias=AliasChoices("session", "legacy")), frozenset()
    )
    tags = choice_spec(
        "tags",
        list[str],
        params.Header(validation_alias=AliasChoices("x_tag", "X-Tags")),
        frozenset(),
    )
    extract = Extractor([("p0", cookie), ("p1", tags)])
    found = extract(
        request(headers=[(b"cookie", b"legacy=2"), (b"x-tags", b"a"), (b"x-tags", b"b")])
    )
    assert found == {"p0": "2", "p1": ["a", "b"], MATCHED: {"p0": "legacy", "p1": "X-Tags"}}
    path = choice_spec(
        "value",
        int,
        params.Path(alias="unused", validation_alias=AliasChoices("first", "item_id")),
        frozenset({"item_id"}),
    )
    assert path.keys == ("first", "item_id", "unused")
    assert Extractor([("p0", path)])(request()) == {"p0": 3, MATCHED: {"p0": "item_id"}}
    unmatched = choice_spec(
        "item_id", int, params.Path(validation_alias=AliasChoices("a", "b")), frozenset({"item_id"})
    )
    assert Extractor([("p0", unmatched)])(request()) == {"p0": 3, MATCHED: {"p0": "item_id"}}
