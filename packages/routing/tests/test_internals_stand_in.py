"""A Dependant as a function the route compiler plans (`_internals/stand_in.py`)."""

import inspect
from typing import Annotated

import pytest

from fastslim_routing import Depends, FastAPI, Query
from fastslim_routing._internals.dependant import Dependant
from fastslim_routing._internals.stand_in import capturing_stand_in, serving_endpoint, shape
from fastslim_routing._internals.views import get_dependant, get_parameterless_sub_dependant
from fastslim_testclient import TestClient

pytestmark = pytest.mark.anyio


def first(a: int = 0) -> int:
    return a


def side() -> None:
    pass


async def endpoint(x: Annotated[int, Depends(first)], q: Annotated[str, Query()] = "") -> str:
    return f"{x}{q}"


def tree() -> Dependant:
    dependant = get_dependant(path="/", call=endpoint)
    dependant.dependencies.append(get_parameterless_sub_dependant(depends=Depends(side), path="/"))
    return dependant


def test_the_serving_endpoint_declares_the_tree_in_its_order() -> None:
    signature = inspect.signature(serving_endpoint(tree()))
    parameters = list(signature.parameters.values())
    assert [p.name for p in parameters] == ["x", "_fastslim_unnamed_dependency_1", "q"]
    assert [getattr(p.default, "dependency", None) for p in parameters[:2]] == [first, side]
    assert signature.return_annotation is str


async def test_the_serving_endpoint_calls_with_the_calls_own_values() -> None:
    serve = serving_endpoint(tree())
    assert inspect.iscoroutinefunction(serve)
    assert serve.__name__ == "endpoint"
    assert await serve(x=1, _fastslim_unnamed_dependency_1=None, q="a") == "1a"


def test_the_capturing_stand_in_gives_unnamed_dependencies_apart() -> None:
    stand_in, unnamed = capturing_stand_in(tree())
    assert list(inspect.signature(stand_in).parameters) == ["x", "q"]
    assert [d.dependency for d in unnamed] == [side]
    assert stand_in(x=1, q="a") == {"x": 1, "q": "a"}


def test_no_call_no_endpoint() -> None:
    with pytest.raises(AssertionError, match="no callable"):
        serving_endpoint(Dependant())


def test_the_shape_changes_with_an_edit_anywhere_in_the_tree() -> None:
    dependant = tree()
    before = shape(dependant)
    assert shape(dependant) == before
    dependant.dependencies[0].dependencies.append(get_dependant(path="/", call=side))
    assert shape(dependant) != before


def test_an_edited_route_dependant_is_served_after_get_route_handler() -> None:
    app = FastAPI()
    seen: list[str] = []

    @app.get("/")
    def root() -> str:
        return "ok"

    route = app.routes[-1]
    route.dependant.dependencies.append(  # type: ignore[attr-defined]
        get_parameterless_sub_dependant(depends=Depends(lambda: seen.append("ran")), path="/")
    )
    route.get_route_handler()  # type: ignore[attr-defined]
    assert TestClient(app).get("/").json() == "ok"
    assert seen == ["ran"]
