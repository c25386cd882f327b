"""`_internals/dependant.py`: FastAPI's `Dependant` and `SolvedDependency`
dataclasses and the flat-parameter helpers (orders pinned from FastAPI 0.165)."""

import dataclasses

import pytest
from pydantic.fields import FieldInfo
from starlette.responses import Response

from fastslim_routing.internals import (
    Dependant,
    ModelField,
    SolvedDependency,
    get_flat_body_params,
    get_flat_params,
    get_validation_alias,
)
from fastslim_routing.params import Body, Header, Path, Query


def field(name: str, info: FieldInfo) -> ModelField:
    info.annotation = int
    return ModelField(field_info=info, name=name)


def test_dependant_fields_are_fastapis() -> None:
    assert [f.name for f in dataclasses.fields(Dependant)] == [
        "path_params", "query_params", "header_params", "cookie_params", "body_params",
        "dependencies", "name", "call", "request_param_name", "websocket_param_name",
        "http_connection_param_name", "response_param_name", "background_tasks_param_name",
        "security_scopes_param_name", "own_oauth_scopes", "parent_oauth_scopes", "use_cache",
        "path", "scope", "concurrency",
    ]  # fmt: skip
    dependant = Dependant()
    assert dependant.query_params == []
    assert dependant.use_cache is True
    assert dependant.query_params is not Dependant().query_params
    with pytest.raises(TypeError):
        hash(dependant)
    with pytest.raises(AttributeError):
        dependant.extra = 1  # type: ignore[attr-defined]  # slots, as FastAPI's


def test_solved_dependency_fields() -> None:
    assert [f.name for f in dataclasses.fields(SolvedDependency)] == [
        "values", "errors", "background_tasks", "response", "dependency_cache",
    ]  # fmt: skip
    solved = SolvedDependency({}, [], None, Response(), {})
    assert solved.values == {}


def inner() -> None: ...
def sec() -> None: ...


def test_flat_params_group_by_location_and_skip_repeated_dependencies() -> None:
    a = field("a", Query())
    shared = Dependant(query_params=[a], body_params=[field("ib", Body())], call=inner)
    again = Dependant(query_params=[a], body_params=[field("ib", Body())], call=inner)
    root = Dependant(
        path_params=[field("r", Path())],
        header_params=[field("h", Header())],
        body_params=[field("rb", Body())],
        dependencies=[
            Dependant(query_params=[field("b", Query())], dependencies=[shared], call=sec),
            again,
            Dependant(query_params=[field("s", Query())], call=sec, own_oauth_scopes=["x"]),
        ],
    )
    assert [f.name for f in get_flat_params(root)] == ["r", "b", "a", "s", "h"]
    assert [f.name for f in get_flat_body_params(root)] == ["rb", "ib", "ib"]


def test_validation_alias() -> None:
    assert get_validation_alias(field("limit", Query(alias="lim"))) == "lim"
    assert get_validation_alias(field("q", Query())) == "q"
    assert get_validation_alias(field("x_token", Header())) == "x_token"
