"""`_limits`: validating, merging and scoping `max_body_size` and `form_limits`."""

from typing import Any

import pytest
from pydantic import ValidationError

from fastslim_routing._compile._limits import (
    check_form_limits,
    check_max_body_size,
    first_size,
    merge_form_limits,
)
from fastslim_routing._serve._form_limits import (
    FORM_LIMITS_SCOPE_KEY,
    PARSER_DEFAULTS,
    FormLimits,
    form_limits_adapter,
    form_parser_limits,
    scope_form_limits,
    validate_form_limits,
)


@pytest.mark.parametrize("value", [None, 0, 1, 10**9])
def test_valid_max_body_sizes(value: int | None) -> None:
    assert check_max_body_size(value) == value


@pytest.mark.parametrize("value", [-1, True, False, 1.5, "3"])
def test_invalid_max_body_sizes(value: Any) -> None:
    with pytest.raises(ValueError, match=r"^max_body_size must be a non-negative integer or None$"):
        check_max_body_size(value)


def test_form_limits_are_copied_and_none_is_empty() -> None:
    given = {"max_fields": 1}
    checked = check_form_limits(given)
    given["max_fields"] = 5
    assert checked == {"max_fields": 1}
    assert check_form_limits(None) == {}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"max_size": 1}, "form_limits got an unknown key 'max_size'"),
        ({"max_files": -1}, r"form_limits\['max_files'\] must be a non-negative integer, got -1"),
        ({"max_part_size": True}, r"form_limits\['max_part_size'\] .* got True"),
        ([("max_files", 1)], "form_limits must be a dict or None"),
    ],
)
def test_invalid_form_limits_name_the_key_or_value(value: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_form_limits(value)


def test_the_most_specific_size_wins() -> None:
    assert first_size(None, 5, 10) == 5
    assert first_size(0, 5) == 0
    assert first_size(None, None) is None
    assert first_size() is None


def test_form_limits_merge_key_by_key_most_specific_first() -> None:
    route = {"max_part_size": 10}
    router = {"max_files": 3, "max_part_size": 5}
    inclusion = {"max_fields": 5, "max_files": 0}
    assert merge_form_limits(route, router, inclusion) == {
        "max_part_size": 10,
        "max_files": 3,
        "max_fields": 5,
    }
    assert merge_form_limits(None, {}, None) is None


def test_parser_limits_put_the_route_over_the_app_over_starlette() -> None:
    assert form_parser_limits(None, None) == PARSER_DEFAULTS
    assert form_parser_limits({"max_fields": 2, "max_files": 7}, {"max_files": 1}) == {
        "max_fields": 2,
        "max_files": 1,
        "max_part_size": 1024 * 1024,
    }


def test_apps_put_their_form_limits_in_the_scope_over_outer_apps() -> None:
    scope: dict[str, Any] = {}
    outer = {"max_fields": 1, "max_files": 2}
    scope_form_limits(scope, outer)
    scope_form_limits(scope, {"max_fields": 3})
    assert scope[FORM_LIMITS_SCOPE_KEY] == {"max_fields": 3, "max_files": 2}
    assert outer == {"max_fields": 1, "max_files": 2}


@pytest.mark.parametrize(
    "value",
    [{"max_files": -1}, {"max_size": 1}, {"max_fields": True}, {"max_fields": 1.0}, "x"],
)
def test_validate_form_limits_raises_pydantics_error(value: Any) -> None:
    # FastAPI 0.165's `_validate_form_limits`: the one rule behind check_form_limits.
    with pytest.raises(ValidationError) as raised:
        validate_form_limits(value)
    assert raised.value.title == "_FormLimits"
    assert len(raised.value.errors()) == 1


def test_validate_form_limits_returns_a_new_dict() -> None:
    given: FormLimits = {"max_fields": 1, "max_part_size": 0}
    checked = validate_form_limits(given)
    assert checked == given
    assert checked is not given
    assert validate_form_limits(None) == {}
    assert form_limits_adapter() is form_limits_adapter()
