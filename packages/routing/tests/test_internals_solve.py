"""`_internals/solve.py`: FastAPI's `solve_dependencies`, `request_params_to_args`
and `request_body_to_args` over fastslim-di and the route validator (results
pinned from FastAPI 0.165; compared in tests/compat/test_solve_against_fastapi.py)."""

from collections.abc import Iterator
from contextlib import AsyncExitStack
from typing import Annotated, Any

import anyio
import pytest
from pydantic import BaseModel
from pydantic_core import PydanticUndefined
from starlette.datastructures import Headers, QueryParams
from starlette.requests import Request
from starlette.responses import Response

from fastslim_di import Depends
from fastslim_routing.applications import FastAPI
from fastslim_routing.internals import (
    get_dependant,
    get_parameterless_sub_dependant,
    request_body_to_args,
    request_params_to_args,
    solve_dependencies,
)
from fastslim_routing.param_functions import Body, Header, Query

pytestmark = pytest.mark.anyio

log: list[str] = []


def common(q: int | None = None, limit: Annotated[int, Query(ge=0)] = 5) -> dict[str, Any]:
    log.append("common")
    return {"q": q, "limit": limit}


def gen() -> Iterator[str]:
    log.append("gen in")
    yield "g"
    log.append("gen out")


def fgen() -> Iterator[str]:
    log.append("fgen in")
    yield "fg"
    log.append("fgen out")


def setter(response: Response) -> str:
    response.status_code = 201
    return "s"


def endpoint(
    item_id: int,
    c: Any = Depends(common),
    g: Any = Depends(gen),
    fg: Any = Depends(fgen, scope="function"),
    s: Any = Depends(setter),
    x: Annotated[str | None, Header()] = None,
) -> None: ...


def request(query: bytes = b"", **scope: Any) -> Request:
    return Request({"type": "http", "headers": [], "query_string": query, **scope})


async def test_values_response_cache_and_cleanup_on_the_callers_stacks() -> None:
    log.clear()
    dependant = get_dependant(path="/i/{item_id}", call=endpoint)
    cache: dict[Any, Any] = {}
    async with AsyncExitStack() as inner, AsyncExitStack() as function_stack:
        scope = {
            "fastapi_inner_astack": inner,
            "fastapi_function_astack": function_stack,
            "path_params": {"item_id": "3"},
        }
        solved = await solve_dependencies(
            request=request(b"q=1", **scope),
            dependant=dependant,
            async_exit_stack=AsyncExitStack(),
            embed_body_fields=False,
            dependency_cache=cache,
        )
        assert solved.errors == []
        assert solved.values == {
            "c": {"q": 1, "limit": 5},
            "g": "g",
            "fg": "fg",
            "s": "s",
            "item_id": 3,
            "x": None,
        }
        assert solved.response.status_code == 201
        assert solved.background_tasks is None
        assert solved.dependency_cache is cache
        assert (common, (), "") in cache
        assert cache[(gen, (), "request")] == "g"
        assert cache[(fgen, (), "function")] == "fg"
        assert log == ["common", "gen in", "fgen in"]
    assert log == ["common", "gen in", "fgen in", "fgen out", "gen out"]


async def test_solved_in_another_task_than_the_one_closing_the_stacks() -> None:
    # fastapi-jsonrpc solves a call's dependencies in a scheduler's task; FastAPI's
    # stacks are closed by the request's task. Without an async yield dependency no
    # cancel scope is held across the two.
    log.clear()
    dependant = get_dependant(path="/i/{item_id}", call=endpoint)
    async with AsyncExitStack() as inner, AsyncExitStack() as function_stack:
        scope = {
            "fastapi_inner_astack": inner,
            "fastapi_function_astack": function_stack,
            "path_params": {"item_id": "3"},
        }

        async def solve() -> Any:
            return await solve_dependencies(
                request=request(b"", **scope),
                dependant=dependant,
                async_exit_stack=AsyncExitStack(),
                embed_body_fields=False,
            )

        async with anyio.create_task_group() as group:
            group.start_soon(solve)
        assert log == ["common", "gen in", "fgen in"]
    assert log == ["common", "gen in", "fgen in", "fgen out", "gen out"]


async def test_errors_and_the_values_solved_anyway() -> None:
    dependant = get_dependant(path="/i/{item_id}", call=endpoint)
    async with AsyncExitStack() as inner:
        solved = await solve_dependencies(
            request=request(b"limit=-1", fastapi_inner_astack=inner, path_params={}),
            dependant=dependant,
            async_exit_stack=inner,
            embed_body_fields=False,
        )
    assert [(e["type"], e["loc"]) for e in solved.errors] == [
        ("greater_than_equal", ("query", "limit")),
        ("missing", ("path", "item_id")),
    ]
    assert solved.values == {"g": "g", "fg": "fg", "s": "s"}


async def test_a_changed_dependant_and_overrides() -> None:
    def stub(c: Any = Depends(common)) -> None: ...

    def real(c: Any, other: Any) -> None: ...

    dependant = get_dependant(path="command", call=stub)
    dependant.call = real
    dependant.dependencies.append(
        get_parameterless_sub_dependant(depends=Depends(setter), path="command")
    )
    app = FastAPI()
    app.dependency_overrides[common] = lambda: {"over": 1}
    async with AsyncExitStack() as inner:
        solved = await solve_dependencies(
            request=request(fastapi_inner_astack=inner),
            dependant=dependant,
            async_exit_stack=inner,
            embed_body_fields=False,
            dependency_overrides_provider=app,
        )
    assert solved.values == {"c": {"over": 1}}
    assert solved.response.status_code == 201  # the unnamed dependency ran


async def test_the_inner_stack_is_required() -> None:
    dependant = get_dependant(path="/", call=endpoint)
    with pytest.raises(AssertionError, match="fastapi_inner_astack not found"):
        await solve_dependencies(
            request=request(),
            dependant=dependant,
            async_exit_stack=AsyncExitStack(),
            embed_body_fields=False,
        )


class Item(BaseModel):
    name: str


def body_endpoint(item: Item, n: int = Body(1)) -> None: ...


async def test_request_body_to_args() -> None:
    fields = get_dependant(path="/", call=body_endpoint).body_params
    assert await request_body_to_args(fields, {"item": {"name": "a"}}, True) == (
        {"item": Item(name="a"), "n": 1},
        [],
    )
    values, errors = await request_body_to_args(fields[:1], {}, False)
    assert values == {"item": None}
    assert [(e["type"], e["loc"]) for e in errors] == [("missing", ("body", "name"))]
    values, errors = await request_body_to_args(fields, {"item": {"name": 1}, "n": "x"}, True)
    assert values == {}
    assert [e["loc"] for e in errors] == [("body", "item", "name"), ("body", "n")]
    with pytest.raises(AssertionError, match="should be called with fields"):
        await request_body_to_args([], {}, False)


def test_request_params_to_args() -> None:
    dependant = get_dependant(path="/i/{item_id}", call=endpoint)
    query = dependant.dependencies[0].query_params
    values, errors = request_params_to_args(query, QueryParams("limit=-1"))
    assert values == {"q": None}
    assert [(e["type"], e["loc"], e["input"]) for e in errors] == [
        ("greater_than_equal", ("query", "limit"), "-1")
    ]
    assert request_params_to_args(dependant.path_params, {}) == (
        {},
        [{"type": "missing", "loc": ("path", "item_id"), "msg": "Field required", "input": None}],
    )
    assert request_params_to_args(dependant.header_params, Headers({"x": "v"})) == (
        {"x": "v"},
        [],
    )


async def test_the_request_as_the_caller_edited_it() -> None:
    """FastAPI reads `request.query_params` (cadwyn edits it before solving)."""
    dependant = get_dependant(path="/", call=common)
    edited = request(b"q=1")
    edited.query_params._dict["q"] = "7"  # cadwyn's edit
    async with AsyncExitStack() as inner:
        edited.scope["fastapi_inner_astack"] = inner
        solved = await solve_dependencies(
            request=edited,
            dependant=dependant,
            async_exit_stack=AsyncExitStack(),
            embed_body_fields=False,
        )
    assert solved.values == {"q": 7, "limit": 5}


async def test_omitted_and_null_bodies() -> None:
    """`PydanticUndefined`: no body (defaults apply); `None`: a JSON null."""

    def defaulted(payload: dict[str, int] | None = Body({"d": 1})) -> None: ...

    def embedded(payload: dict[str, int] | None = Body(None, embed=True)) -> None: ...

    (field,) = get_dependant(path="/", call=defaulted).body_params
    assert await request_body_to_args([field], PydanticUndefined, False) == (
        {"payload": {"d": 1}},
        [],
    )
    assert await request_body_to_args([field], None, False) == ({"payload": None}, [])
    (field,) = get_dependant(path="/", call=embedded).body_params
    assert await request_body_to_args([field], PydanticUndefined, True) == (
        {"payload": None},
        [],
    )
    values, errors = await request_body_to_args([field], None, True)
    assert (values, [e["loc"] for e in errors]) == ({}, [("body", "payload")])
