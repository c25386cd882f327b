"""`_internals/views.py`: FastAPI's `Dependant` tree, `body_field` and
`response_field` read from the compiled plan (shapes pinned from FastAPI 0.165;
the full comparison is tests/compat/test_dependant_views_against_fastapi.py)."""

import inspect
from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from pydantic import BaseModel
from starlette.requests import Request

from fastslim_di import Depends, Security
from fastslim_routing import params
from fastslim_routing.applications import FastAPI
from fastslim_routing.internals import (
    get_body_field,
    get_dependant,
    get_flat_body_params,
    get_flat_params,
    get_parameterless_sub_dependant,
    should_embed_body_fields,
)
from fastslim_routing.param_functions import Body, Header, Query


class Item(BaseModel):
    a: int


def common(q: int | None = None, lim: Annotated[int, Query(alias="lim", ge=0)] = 5) -> Any:
    return q


def gen() -> Iterator[int]:
    yield 1


def route_dependency(x: int = 1) -> int:
    return x


def make_app() -> FastAPI:
    app = FastAPI()

    @app.post("/i/{iid}", dependencies=[Depends(route_dependency)])
    def ep(
        iid: int,
        item: Item,
        request: Request,
        c: Any = Depends(common),
        g: Any = Depends(gen, scope="function"),
        s: Any = Security(common, scopes=["me"]),
        x_token: Annotated[str | None, Header()] = None,
        extra: int = Body(3),
    ) -> Any:
        return 1

    @app.post("/one")
    def one(a: Item) -> None: ...

    @app.get("/resp", response_model=Item)
    def resp() -> Any: ...

    return app


def route(app: FastAPI, path: str) -> Any:
    return next(r for r in app.routes if getattr(r, "path", None) == path)


def test_route_dependant_is_the_plans_tree() -> None:
    dependant = route(make_app(), "/i/{iid}").dependant
    assert dependant.call.__name__ == "ep"
    assert (dependant.name, dependant.scope, dependant.path) == (None, "function", "/i/{iid}")
    assert dependant.request_param_name == "request"
    assert [f.name for f in dependant.path_params] == ["iid"]
    assert [f.alias for f in dependant.header_params] == ["x-token"]
    assert [f.name for f in dependant.body_params] == ["item", "extra"]
    assert [type(f.field_info) for f in dependant.body_params] == [params.Body, params.Body]
    children = dependant.dependencies
    assert [(c.name, c.call) for c in children] == [
        (None, route_dependency),
        ("c", common),
        ("g", gen),
        ("s", common),
    ]
    assert children[0].parent_oauth_scopes is None
    assert (children[1].own_oauth_scopes, children[1].parent_oauth_scopes) == ([], [])
    assert children[2].scope == "function"
    assert children[3].own_oauth_scopes == ["me"]
    lim = children[1].query_params[1]
    assert (lim.alias, lim.validation_alias, lim.field_info.annotation) == ("lim", "lim", int)
    flat = [f.name for f in get_flat_params(dependant)]
    assert flat == ["iid", "x", "q", "lim", "q", "lim", "x_token"]  # s: other scopes


def test_the_view_is_built_once_and_assignable() -> None:
    r = route(make_app(), "/i/{iid}")
    assert r.dependant is r.dependant
    replaced = get_dependant(path="/other", call=common)
    r.dependant = replaced
    assert r.dependant is replaced


def test_body_field_single_and_embedded() -> None:
    app = make_app()
    one = route(app, "/one")
    assert one.body_field is one.dependant.body_params[0]
    assert one._embed_body_fields is False
    several = route(app, "/i/{iid}")
    assert several._embed_body_fields is True
    body = several.body_field
    assert body.name == "body"
    model = body.field_info.annotation
    assert model.__name__ == f"Body_{several.unique_id}"
    assert list(model.model_fields) == ["item", "extra"]
    several.body_field = None
    assert several.body_field is None


def test_response_field() -> None:
    app = make_app()
    field = route(app, "/resp").response_field
    assert (field.name, field.mode, field.field_info.annotation) == (
        "Response_resp_resp_get",
        "serialization",
        Item,
    )
    assert route(app, "/one").response_field is None


def test_get_dependant_reads_path_names_from_the_path() -> None:
    def ep(a: int, b: int = 0) -> None: ...

    dependant = get_dependant(path="/p/{a}", call=ep)
    assert [f.name for f in dependant.path_params] == ["a"]
    assert [f.name for f in dependant.query_params] == ["b"]
    assert dependant.scope is None
    assert [f.name for f in get_dependant(path="/p", call=ep).query_params] == ["a", "b"]


def test_get_dependant_refuses_what_fastapi_refuses() -> None:
    def ep(a: Annotated[int, Query()] = Query(1)) -> None: ...

    with pytest.raises(AssertionError, match="Cannot specify FastAPI annotations"):
        get_dependant(path="/", call=ep)


def test_parameterless_sub_dependant() -> None:
    sub = get_parameterless_sub_dependant(depends=Security(common, scopes=["z"]), path="/x")
    assert (sub.name, sub.call, sub.own_oauth_scopes, sub.parent_oauth_scopes) == (
        None,
        common,
        ["z"],
        None,
    )
    assert [f.name for f in sub.query_params] == ["q", "lim"]
    with pytest.raises(AssertionError):
        get_parameterless_sub_dependant(depends=Depends(), path="/x")


def test_should_embed_and_get_body_field() -> None:
    dependant = get_dependant(path="/", call=lambda a, f=Body(embed=True): None)
    flat = get_flat_body_params(dependant)
    assert [f.name for f in flat] == ["f"]
    assert should_embed_body_fields(flat) is True
    assert should_embed_body_fields([]) is False
    assert get_body_field(body_params=[], name="x", embed_body_fields=False) is None
    form = get_dependant(path="/", call=lambda f=params.Form(): None)  # noqa: B008
    assert should_embed_body_fields(form.body_params) is True


def test_both_background_tasks_classes_are_the_special_parameter() -> None:
    from starlette.background import BackgroundTasks as StarletteTasks

    from fastslim_tasks import BackgroundTasks as Tasks

    def endpoint(ours: Tasks, theirs: StarletteTasks) -> None: ...

    first = get_dependant(path="/", call=lambda tasks: None)
    assert first.background_tasks_param_name is None
    for name in ("ours", "theirs"):

        def one(**_: Any) -> None: ...

        one.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inspect.signature(endpoint).parameters[name]]
        )
        assert get_dependant(path="/", call=one).background_tasks_param_name == name
