"""`_classify`: FastAPI's rules for where a parameter's value comes from."""

import inspect
from enum import Enum
from typing import Annotated, Any, Literal

import pytest
from pydantic import AliasChoices, BaseModel, Json

from fastslim_di import EMPTY, ParameterInfo
from fastslim_routing import params
from fastslim_routing._compile._classify import DeclarationError, classify
from fastslim_routing._serve._spec import is_scalar, is_scalar_sequence


class Model(BaseModel):
    a: int


class Color(Enum):
    red = "red"


def info(name: str, annotation: Any, *metadata: Any, default: Any = EMPTY) -> ParameterInfo:
    return ParameterInfo(
        print, name, annotation, metadata, default, inspect.Parameter.POSITIONAL_OR_KEYWORD
    )


@pytest.mark.parametrize(
    "annotation", [int, str, float, bool, Color, Literal["a", "b"], int | None, Any, bytes]
)
def test_scalars(annotation: Any) -> None:
    assert is_scalar(annotation)


@pytest.mark.parametrize("annotation", [Model, dict[str, int], list[int], Model | None])
def test_not_scalars(annotation: Any) -> None:
    assert not is_scalar(annotation)


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [(list[int], True), (set[str], True), (tuple[int, ...], True), (list[int] | None, True)],
)
def test_scalar_sequences(annotation: Any, expected: bool) -> None:
    assert is_scalar_sequence(annotation) is expected
    assert not is_scalar_sequence(list[Model])


def test_inference_path_query_body() -> None:
    path_names = frozenset({"item_id"})
    assert classify(info("item_id", int), path_names, 0).location == "path"
    assert classify(info("q", int, default=3), path_names, 0).location == "query"
    # A list is a query parameter only with Query() (FastAPI docs); else it is the body.
    assert classify(info("tags", list[str]), path_names, 0).location == "body"
    query_list = classify(info("tags", list[str], params.Query()), path_names, 0)
    assert (query_list.location, query_list.is_sequence) == ("query", True)
    assert classify(info("item", Model), path_names, 0).location == "body"
    assert classify(info("data", dict[str, int]), path_names, 0).location == "body"


def test_explicit_declarations_and_aliases() -> None:
    none: frozenset[str] = frozenset()
    header = classify(info("user_agent", str, params.Header()), none, 0)
    assert (header.location, header.alias) == ("header", "user-agent")
    raw = classify(info("x_raw", str, params.Header(convert_underscores=False)), none, 0)
    assert raw.alias == "x_raw"
    aliased = classify(info("q", str, params.Query(alias="item-query")), none, 0)
    assert aliased.alias == "item-query"
    choices = params.Query(validation_alias=AliasChoices("v1", "v2"))
    assert classify(info("v", str, choices), none, 0).keys == ("v1", "v2")
    model = classify(info("filters", Model, params.Query()), none, 0)
    assert (model.location, model.is_model) == ("query", True)
    embedded = classify(info("item", Model, params.Body(embed=True)), none, 0)
    assert (embedded.location, embedded.embed) == ("body", True)


def test_defaults_from_both_styles() -> None:
    none: frozenset[str] = frozenset()
    assert not classify(info("q", int, params.Query(), default=3), none, 0).required
    assert classify(info("q", int, params.Query()), none, 0).required
    assert not classify(info("q", int, default=params.Query(5)), none, 0).required


def test_declaration_errors() -> None:
    with pytest.raises(DeclarationError, match="Cannot use `Query` for path param 'a'"):
        classify(info("a", int, params.Query()), frozenset({"a"}), 0)
    with pytest.raises(DeclarationError, match="default value cannot be set in `Annotated`"):
        classify(info("a", int, params.Query(3)), frozenset(), 0)
    with pytest.raises(DeclarationError, match="Cannot specify FastAPI annotations in `Annotated`"):
        classify(info("a", int, params.Query(), default=params.Query(3)), frozenset(), 0)


def test_json_strings_are_one_value() -> None:
    spec = classify(info("f", Json[list[int]], params.Query()), frozenset(), 0)
    assert (spec.location, spec.is_sequence) == ("query", False)
    assert is_scalar(Json[list[int]] | None)


def test_annotated_inner_is_stripped() -> None:
    spec = classify(info("q", Annotated[int, "meta"] | None, default=None), frozenset(), 0)
    assert spec.location == "query"


def test_unsupported_types_per_location() -> None:
    with pytest.raises(DeclarationError, match="Path params must be of one of the supported"):
        classify(info("ids", list[int]), frozenset({"ids"}), 0)
    with pytest.raises(DeclarationError, match="Query parameter 'filters' must be one of"):
        classify(info("filters", dict[str, int], params.Query()), frozenset(), 0)


def test_the_types_own_metadata_is_kept() -> None:
    from pydantic import StringConstraints

    constraint = StringConstraints(strip_whitespace=True, min_length=2)
    spec = classify(info("c", str, constraint, params.Query()), frozenset(), 0)
    assert spec.annotation == Annotated[str, constraint]


def test_fields_of_type_aliases_merge_with_the_declaration() -> None:
    from pydantic import Field

    positive = Field(ge=1)
    spec = classify(info("v", int, positive, params.Query(le=5), default=1), frozenset(), 0)
    assert isinstance(spec.field, params.Query)
    assert [type(item).__name__ for item in spec.field.metadata] == ["Ge", "Le"]
    assert spec.field.default == 1
    plain = classify(info("page", int, positive, default=1), frozenset(), 0)
    assert (plain.location, isinstance(plain.field, params.Query)) == ("query", True)
    assert [type(item).__name__ for item in plain.field.metadata] == ["Ge"]
    aliased = classify(info("v", str, Field(alias="real-name"), params.Query()), frozenset(), 0)
    assert aliased.alias == "real-name"


def test_a_bare_param_is_a_query_parameter() -> None:
    # `Param()` itself has no location (`in_`): FastAPI reads it from the query.
    found = classify(info("user_name", str, params.Param()), frozenset(), 0)
    assert found.location == "query"
