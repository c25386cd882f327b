"""`_extract`: raw values per location, as FastAPI reads them."""

import inspect
from typing import Any

from pydantic import AliasChoices, BaseModel
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
