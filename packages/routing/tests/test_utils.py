"""`fastslim_routing.utils`: operation ids, bodiless status codes, defaults, dict merging."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from fastslim_routing.datastructures import Default, DefaultPlaceholder
from fastslim_routing.utils import (
    deep_dict_update,
    generate_unique_id,
    get_path_param_names,
    get_value_or_default,
    is_body_allowed_for_status_code,
)


@dataclass
class FakeRoute:
    name: str
    path_format: str
    methods: Any = field(default_factory=lambda: ["GET"])


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (FakeRoute("read_item", "/items/{id}"), "read_item_items__id__get"),
        (FakeRoute("my-name", "/a-b/c.d/{x}", ["POST", "GET"]), "my_name_a_b_c_d__x__post"),
        (FakeRoute("root", "/", ["PUT"]), "root__put"),
        (FakeRoute("ńame", "/ünï/{id}", ["DELETE"]), "ńame_ünï__id__delete"),
        (FakeRoute("n n", "/x/{a}/{b}", {"PATCH"}), "n_n_x__a___b__patch"),
    ],
)
def test_generate_unique_id(route: FakeRoute, expected: str) -> None:
    assert generate_unique_id(route) == expected


@pytest.mark.parametrize("methods", [set(), None, []])
def test_generate_unique_id_needs_a_method(methods: Any) -> None:
    with pytest.raises(ValueError, match="'r' has no methods"):
        generate_unique_id(FakeRoute("r", "/", methods))


@pytest.mark.parametrize(
    ("status_code", "allowed"),
    [
        (None, True),
        ("default", True),
        ("1XX", True),
        ("2XX", True),
        ("5XX", True),
        ("200", True),
        ("204", False),
        (" 304", False),
        (100, False),
        (199, False),
        (200, True),
        (204, False),
        (205, False),
        (299, True),
        (304, False),
        (305, True),
        (999, True),
        (0, False),
        (-1, False),
    ],
)
def test_is_body_allowed_for_status_code(status_code: int | str | None, allowed: bool) -> None:
    assert is_body_allowed_for_status_code(status_code) is allowed


@pytest.mark.parametrize("status_code", ["XXX", "abc"])
def test_is_body_allowed_for_status_code_rejects_other_strings(status_code: str) -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        is_body_allowed_for_status_code(status_code)


def test_get_path_param_names() -> None:
    assert get_path_param_names("/a/{b}/{c:int}/{d}/{b}") == {"b", "c:int", "d"}
    assert get_path_param_names("/x") == set()


def test_deep_dict_update() -> None:
    main: dict[str, Any] = {"a": {"b": 1, "l": [1]}, "c": 2, "t": (1,), "u": [1]}
    deep_dict_update(main, {"a": {"x": 2, "l": [2]}, "c": {"n": 1}, "z": 0, "t": [2], "u": (2,)})
    assert main == {
        "a": {"b": 1, "l": [1, 2], "x": 2},
        "c": {"n": 1},
        "t": [2],
        "u": (2,),
        "z": 0,
    }
    replaced: dict[str, Any] = {"a": {"b": 1}}
    deep_dict_update(replaced, {"a": 5})
    assert replaced == {"a": 5}


def test_get_value_or_default() -> None:
    first = Default(1)
    assert get_value_or_default(first, Default(2)) is first
    assert get_value_or_default(Default(1), 3, 4) == 3
    assert get_value_or_default(Default(1), Default(2), 0) == 0
    assert get_value_or_default(5) == 5
    assert isinstance(get_value_or_default(Default(None)), DefaultPlaceholder)
