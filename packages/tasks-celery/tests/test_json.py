"""Arguments and results cross as plain JSON, or are refused naming the value."""

from __future__ import annotations

import datetime
import enum
from typing import Any

import pytest

from fastslim_tasks_celery._json import arguments_problem, json_problem


class Color(enum.StrEnum):
    RED = "red"


@pytest.mark.parametrize(
    "value",
    [None, True, 0, -(2**70), 1.5, "é", [], {}, {"a": [1, {"b": None}]}, [[[]]]],
)
def test_plain_json_passes(value: Any) -> None:
    assert json_problem(value, "x") is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ((1, 2), "x is (1, 2), a tuple"),
        ({1, 2}, "x is {1, 2}, a set"),
        (datetime.date(2024, 5, 1), "x is datetime.date(2024, 5, 1), a date"),
        (Color.RED, "x is <Color.RED: 'red'>, a Color"),
        (float("nan"), "x is nan, a float JSON has no value for"),
        (float("inf"), "x is inf, a float JSON has no value for"),
        ({1: "a"}, "x has the key 1 (int): JSON keys are str"),
        ({"a": [1, b"b"]}, "x['a'][1] is b'b', a bytes"),
        ("x" * 0 + repr(None) and object, "x is <class 'object'>, a type"),
    ],
)
def test_what_is_not_json_is_named_with_its_place(value: Any, problem: str) -> None:
    assert json_problem(value, "x") == problem


def test_a_long_value_is_shortened() -> None:
    problem = json_problem(tuple(range(100)), "x")
    assert problem is not None
    assert problem.endswith("..., a tuple")
    assert len(problem) < 100


def test_arguments_are_named_by_position_or_keyword() -> None:
    assert arguments_problem((1, "a"), {"b": [2]}) is None
    assert arguments_problem((1, (2,)), {}) == "argument 1 is (2,), a tuple"
    assert arguments_problem((), {"when": {"d": {3}}}) == "argument when['d'] is {3}, a set"
