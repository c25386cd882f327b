"""types: FastAPI's type aliases, usable in annotations."""

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from fastslim_routing import FastAPI
from fastslim_routing.types import AppType, DecoratedCallable, IncEx, ModelNameMap


def test_type_variables_are_bound_as_fastapi() -> None:
    assert isinstance(DecoratedCallable, TypeVar)
    assert DecoratedCallable.__bound__ == Callable[..., Any]
    assert isinstance(AppType, TypeVar)


def test_aliases_accept_what_pydantic_and_openapi_use() -> None:
    class Model(BaseModel):
        a: int
        b: int

    exclude: IncEx = {"b"}
    names: ModelNameMap = {Model: "Model"}
    assert Model(a=1, b=2).model_dump(exclude=exclude) == {"a": 1}
    assert names[Model] == "Model"
    assert FastAPI.__name__ == "FastAPI"
