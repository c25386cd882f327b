"""`_validator`: one model per route; errors relocated and ordered as FastAPI's."""

import inspect
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel

from fastslim_di import EMPTY, ParameterInfo
from fastslim_routing import params
from fastslim_routing._compile._classify import classify
from fastslim_routing._serve._spec import ParamSpec
from fastslim_routing._serve._validator import ParamsValidator


def spec(
    name: str, annotation: Any, *metadata: Any, default: Any = EMPTY, index: int = 0
) -> ParamSpec:
    parameter = ParameterInfo(
        print, name, annotation, metadata, default, inspect.Parameter.POSITIONAL_OR_KEYWORD
    )
    return classify(parameter, frozenset({"item_id"}), index)


def rank(value: int) -> Callable[[ParamSpec], int]:
    return lambda spec: value


def test_valid_values_in_one_call_with_defaults() -> None:
    validate = ParamsValidator(
        [
            ("p0", spec("item_id", int)),
            ("p1", spec("q", Annotated[int, params.Query(gt=0)], default=5)),
        ],
        rank(0),
    )
    assert validate({"p0": "3"}) == ({"p0": 3, "p1": 5}, None)


def test_invalid_slots_get_relocated_errors_and_valid_slots_their_values() -> None:
    validate = ParamsValidator(
        [
            ("p0", spec("item_id", int, index=0)),
            ("p1", spec("q", int, params.Query(gt=3), index=1)),
            ("p2", spec("h", str, params.Header(), index=2)),
        ],
        rank(0),
    )
    values, errors = validate({"p0": "3", "p1": "1"})
    assert values == {"p0": 3}
    assert errors is not None
    assert errors["p1"] == [
        (
            (0, 1, 1),
            {
                "type": "greater_than",
                "loc": ("query", "q"),
                "msg": "Input should be greater than 3",
                "input": "1",
                "ctx": {"gt": 3},
            },
        )
    ]
    missing = errors["p2"][0][1]
    assert (missing["loc"], missing["input"]) == (("header", "h"), None)


class Filters(BaseModel):
    limit: int


def test_parameter_model_errors_keep_the_model_input() -> None:
    validate = ParamsValidator([("p0", spec("f", Filters, params.Query()))], rank(2))
    values, errors = validate({"p0": {"other": "1"}})
    assert values == {}
    assert errors is not None
    (key, error), *_ = errors["p0"]
    assert key == (2, 1, 0)
    assert (error["loc"], error["input"]) == (("query", "limit"), {"other": "1"})
