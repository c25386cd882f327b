"""Declaration-time errors of `_compile`, with FastAPI's classes and messages."""

from collections.abc import Iterator
from typing import Annotated

import pydantic.v1
import pytest
from starlette.responses import Response

from fastslim_routing import APIRouter, Depends, FastAPI, Query
from fastslim_routing.exceptions import (
    DependencyScopeError,
    FastAPIError,
    PydanticV1NotSupportedError,
)


class OldModel(pydantic.v1.BaseModel):
    a: int


def test_pydantic_v1_models_are_refused_in_bodies_and_responses() -> None:
    app = FastAPI()
    message = (
        "pydantic.v1 models are no longer supported by FastAPI. Please update the response model"
    )
    with pytest.raises(PydanticV1NotSupportedError, match=message):

        @app.post("/")
        def body(x: OldModel) -> None: ...

    with pytest.raises(PydanticV1NotSupportedError, match=r"list\[.*OldModel\]"):

        @app.post("/")
        def listed(x: list[OldModel]) -> None: ...

    with pytest.raises(PydanticV1NotSupportedError):

        @app.get("/", response_model=OldModel)
        def response() -> None: ...


def test_scope_errors_at_registration_route_and_router_level() -> None:
    def inner() -> Iterator[int]:
        yield 1

    def outer(i: Annotated[int, Depends(inner, scope="function")]) -> Iterator[int]:
        yield 2

    message = (
        'The dependency "outer" has a scope of "request", it cannot depend on dependencies '
        'with scope "function".'
    )
    app = FastAPI()
    with pytest.raises(DependencyScopeError) as caught:

        @app.get("/")
        def endpoint(o: Annotated[int, Depends(outer, scope="request")]) -> None: ...

    assert str(caught.value) == message
    assert isinstance(caught.value, FastAPIError)
    router = APIRouter(dependencies=[Depends(outer)])
    with pytest.raises(DependencyScopeError):

        @router.get("/")
        def other() -> None: ...


def test_parameter_declaration_errors() -> None:
    app = FastAPI()
    with pytest.raises(AssertionError, match="Cannot use `Query` for path param 'a'"):

        @app.get("/{a}")
        def query_for_path(a: Annotated[int, Query()]) -> None: ...

    with pytest.raises(AssertionError, match="default value cannot be set in `Annotated`"):

        @app.get("/")
        def both_defaults(a: Annotated[int, Query(3)] = 4) -> None: ...


def test_invalid_response_annotation_names_the_type() -> None:
    app = FastAPI()
    with pytest.raises(FastAPIError, match="Invalid args for response field!"):

        @app.get("/")
        def endpoint() -> Response | dict[str, int]:
            return {}


def test_empty_prefix_and_path_at_inclusion() -> None:
    app, router = FastAPI(), APIRouter()

    @router.get("")
    def nameless() -> int:
        return 1

    with pytest.raises(FastAPIError, match=r"cannot be both empty \(path operation: nameless\)"):
        app.include_router(router)


def test_routes_without_dependencies_are_served_flat() -> None:
    from fastslim_routing import BackgroundTasks
    from fastslim_routing.routing import APIRoute

    def plain(q: int, tasks: BackgroundTasks) -> None: ...

    def dependency() -> int:
        return 1

    def with_dependency(d: Annotated[int, Depends(dependency)]) -> None: ...

    flat = APIRoute("/", plain).compiled.flat
    assert flat is not None
    assert [name for name, _ in flat] == ["q", "tasks"]
    assert APIRoute("/", with_dependency).compiled.flat is None
    assert APIRoute("/", plain, dependencies=[Depends(dependency)]).compiled.flat is None


def test_bodiless_status_codes_refuse_a_response_model() -> None:
    from pydantic import BaseModel

    class Item(BaseModel):
        v: int

    app = FastAPI()
    with pytest.raises(AssertionError, match="Status code 204 must not have a response body"):

        @app.delete("/x", status_code=204)
        def annotated() -> Item:
            return Item(v=1)

    with pytest.raises(AssertionError, match="Status code 304 must not"):
        app.add_api_route("/y", lambda: None, status_code=304, response_model=str)

    @app.delete("/z", status_code=204)
    def allowed() -> None: ...


def test_a_falsy_response_model_or_none_annotation_means_no_response_field() -> None:
    """FastAPI: `response_model={}` and `-> None` give no response field; what the
    endpoint returns is serialized as it is."""
    from fastslim_testclient import TestClient

    app = FastAPI()

    @app.get("/empty", response_model={})
    def empty() -> object:
        return {"a": 1}

    @app.get("/none")
    def none() -> None:
        return {"a": 2}  # type: ignore[return-value]

    client = TestClient(app)
    assert client.get("/empty").json() == {"a": 1}
    assert client.get("/none").json() == {"a": 2}
