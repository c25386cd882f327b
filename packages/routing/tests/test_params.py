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
