"""`params.py`: the declaration classes' aliases follow pydantic's `Field()` rule, as
FastAPI 0.165's (observed: `Query(alias="q")` has validation and serialization alias
"q"; compared live in tests/compat/test_compat_against_fastapi.py::test_field_helpers)."""

import pytest
from pydantic import AliasChoices

from fastslim_routing import params

DECLARATIONS = [params.Query, params.Header, params.Cookie, params.Path, params.Body, params.Form]


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=lambda d: d.__name__)
def test_an_alias_is_the_validation_and_serialization_alias(declaration: type) -> None:
    field = declaration(alias="q")
    assert (field.alias, field.validation_alias, field.serialization_alias) == ("q", "q", "q")
    assert field.alias_priority == 2


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=lambda d: d.__name__)
def test_explicit_aliases_are_kept(declaration: type) -> None:
    choices = AliasChoices("a", "b")
    field = declaration(alias="q", validation_alias=choices, serialization_alias="s")
    assert (field.alias, field.validation_alias, field.serialization_alias) == ("q", choices, "s")
    only = declaration(validation_alias="v")
    assert (only.alias, only.validation_alias, only.serialization_alias) == (None, "v", None)
    unset = declaration(alias=None)
    assert (unset.alias, unset.validation_alias, unset.serialization_alias) == (None, None, None)


FUNCTIONS = ["Query", "Header", "Cookie", "Path", "Body", "Form", "File"]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_example_is_deprecated_where_it_is_declared(name: str) -> None:
    # FastAPI 0.165 warns for every declaration, Body and Form included, pointing at
    # the app's line (observed), and keeps the value on the declaration.
    from fastslim_routing import param_functions
    from fastslim_routing.exceptions import FastAPIDeprecationWarning

    for make in (getattr(param_functions, name), getattr(params, name)):
        with pytest.warns(FastAPIDeprecationWarning, match="`example` has been deprecated") as rec:
            declared = make(example="x")
        assert [warning.filename for warning in rec] == [__file__]
        assert declared.example == "x"
