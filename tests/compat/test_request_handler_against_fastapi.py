"""`get_request_handler`, `serialize_response` and `run_endpoint_function` of
`fastapi.routing` (issue 16) against FastAPI 0.165: the same signatures, values,
errors and served responses for the same inputs. Runs in `nox -s compat`."""

import inspect
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Annotated, Any

import anyio
import fastapi
import fastapi.dependencies.utils
import fastapi.exceptions
import fastapi.routing
import fastapi.utils
import pytest
from pydantic import BaseModel
from starlette.background import BackgroundTasks
from starlette.responses import PlainTextResponse, Response

import fastslim
import fastslim.dependencies.utils
import fastslim.exceptions
import fastslim.routing
import fastslim.utils
from fastslim.testclient import TestClient

FRAMEWORKS = {
    name: SimpleNamespace(
        root=root,
        routing=routing,
        utils=utils,
        deps=deps,
        exceptions=exceptions,
    )
    for name, root, routing, utils, deps, exceptions in [
        (
            "fastapi",
            fastapi,
            fastapi.routing,
            fastapi.utils,
            fastapi.dependencies.utils,
            fastapi.exceptions,
        ),
        (
            "fastslim",
            fastslim,
            fastslim.routing,
            fastslim.utils,
            fastslim.dependencies.utils,
            fastslim.exceptions,
        ),
    ]
}


class Item(BaseModel):
    name: str
    price: float = 1.0
    tags: list[str] = []


class Out(BaseModel):
    name: str
    q: str
    d: int


def _parameters(func: Any) -> list[tuple[str, Any, Any]]:
    return [
        (p.name, p.kind, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in inspect.signature(func).parameters.values()
    ]


@pytest.mark.parametrize(
    "name", ["get_request_handler", "serialize_response", "run_endpoint_function"]
)
def test_signatures(name: str) -> None:
    theirs, ours = getattr(fastapi.routing, name), getattr(fastslim.routing, name)
    normalized = [
        [
            (p, kind, None if default is None else default.split(" object at ")[0].split(".")[-1])
            for p, kind, default in _parameters(func)
        ]
        for func in (theirs, ours)
    ]
    assert normalized[1] == normalized[0]
    assert inspect.iscoroutinefunction(ours) == inspect.iscoroutinefunction(theirs)


def _cases(fw: SimpleNamespace) -> list[dict[str, Any]]:
    item = fw.utils.create_model_field(name="Response_x", type_=Item, mode="serialization")
    items = fw.utils.create_model_field(name="Response_y", type_=list[Item], mode="serialization")
    return [
        {"response_content": {"name": "a"}},
        {"field": item, "response_content": {"name": "a", "extra": 1}},
        {"field": item, "response_content": Item(name="b"), "exclude_unset": True},
        {"field": item, "response_content": Item(name="b"), "dump_json": True},
        {"field": item, "response_content": {"name": "c", "price": 2}, "include": {"name"}},
        {"field": item, "response_content": {"name": "c", "price": 2}, "exclude_defaults": True},
        {
            "field": item,
            "response_content": {"name": "c"},
            "exclude": {"tags"},
            "is_coroutine": False,
        },
        {"field": item, "response_content": {"price": "x"}},
        {"field": item, "response_content": None},
        {"field": items, "response_content": [{"name": "q"}], "dump_json": True},
        {"response_content": [Item(name="z")], "dump_json": True},
        {"response_content": {"a": Item(name="z")}, "exclude_none": True, "by_alias": False},
    ]


def serialized(name: str) -> list[Any]:
    fw = FRAMEWORKS[name]
    found: list[Any] = []

    async def main() -> None:
        for case in _cases(fw):
            try:
                found.append(("value", await fw.routing.serialize_response(**case)))
            except fw.exceptions.ResponseValidationError as exc:
                found.append(("error", exc.errors(), exc.body, str(exc)))

    anyio.run(main)
    return found


def test_serialize_response() -> None:
    assert serialized("fastslim") == serialized("fastapi")


def ran(name: str) -> list[Any]:
    fw = FRAMEWORKS[name]

    def sync_endpoint(a: int, b: int = 2) -> tuple[str, int, int]:
        return ("sync", a, b)

    async def async_endpoint(a: int) -> tuple[str, int]:
        return ("async", a)

    found: list[Any] = []

    async def main() -> None:
        for call, is_coroutine in [(sync_endpoint, False), (async_endpoint, True)]:
            dependant = fw.deps.get_dependant(path="/", call=call)
            found.append(
                await fw.routing.run_endpoint_function(
                    dependant=dependant, values={"a": 1}, is_coroutine=is_coroutine
                )
            )
        dependant = fw.deps.get_dependant(path="/", call=sync_endpoint)
        try:
            await fw.routing.run_endpoint_function(
                dependant=dependant, values={"a": 1}, is_coroutine=True
            )
        except TypeError as exc:
            found.append(("TypeError", str(exc)))

    anyio.run(main)
    return found


def test_run_endpoint_function() -> None:
    assert ran("fastslim") == ran("fastapi")


def served(name: str) -> list[Any]:
    """A route's app replaced by `request_response(get_request_handler(...))` over a
    Dependant the caller changed (fastapi-pagination's and cadwyn's pattern)."""
    fw = FRAMEWORKS[name]
    log: list[str] = []

    def dep(x: int = 1) -> Iterator[int]:
        log.append(f"dep {x}")
        yield x
        log.append("dep exit")

    def header_dep(response: Response) -> None:
        response.headers["x-dep"] = "1"

    def endpoint(
        item: Item,
        q: Annotated[str, fw.root.Query(max_length=3)],
        d: Annotated[int, fw.root.Depends(dep)],
        tasks: BackgroundTasks,
    ) -> dict[str, Any]:
        tasks.add_task(log.append, "task")
        return {"name": item.name, "q": q, "d": d, "secret": "s"}

    app = fw.root.FastAPI()
    app.post("/h")(endpoint)
    route = app.router.routes[-1]
    dependant = fw.deps.get_dependant(path="/h", call=endpoint)
    extra = fw.deps.get_parameterless_sub_dependant(depends=fw.root.Depends(header_dep), path="/h")
    dependant.dependencies.append(extra)
    field = fw.utils.create_model_field(name="Response_h", type_=Out, mode="serialization")
    handler = fw.routing.get_request_handler(
        dependant=dependant,
        body_field=route.body_field,
        embed_body_fields=route._embed_body_fields,
        response_field=field,
        status_code=201,
    )
    route.app = fw.routing.request_response(handler)
    plain = fw.routing.get_request_handler(
        dependant=fw.deps.get_dependant(path="/p", call=lambda: "plain"),
        response_class=PlainTextResponse,
    )
    app.get("/p")(lambda: None)
    app.router.routes[-1].app = fw.routing.request_response(plain)
    client = TestClient(app)
    found = []
    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("POST", "/h?q=abc&x=5", {"json": {"name": "n"}}),
        ("POST", "/h?q=abcd", {"json": {}}),
        ("POST", "/h", {"content": b"{", "headers": {"content-type": "application/json"}}),
        ("GET", "/p", {}),
    ]
    for method, url, options in requests:
        response = client.request(method, url, **options)
        found.append(
            (response.status_code, response.text, response.headers.get("x-dep"), list(log))
        )
        log.clear()
    return found


def test_a_handler_of_a_changed_dependant_serves_alike() -> None:
    assert served("fastslim") == served("fastapi")


def served_without_body_field(name: str) -> list[Any]:
    """Handlers built without `body_field`: FastAPI reads no body then."""
    fw = FRAMEWORKS[name]

    def two(a: Item, b: Item) -> dict[str, str]:
        return {"a": a.name}

    def one(item: Item) -> str:
        return item.name

    def form(f: Annotated[str, fw.root.Form()]) -> str:
        return f

    def nothing() -> str:
        return "nothing"

    app = fw.root.FastAPI()
    for path, call in [("/two", two), ("/one", one), ("/form", form), ("/nothing", nothing)]:
        app.post(path)(call)
        dependant = fw.deps.get_dependant(path=path, call=call)
        handler = fw.routing.get_request_handler(dependant=dependant)
        app.router.routes[-1].app = fw.routing.request_response(handler)
    client = TestClient(app)
    requests: list[tuple[str, dict[str, Any]]] = [
        ("/two", {"json": {"a": {"name": "x"}, "b": {"name": "y"}}}),
        ("/one", {"json": {"name": "x"}}),
        ("/one", {"content": b"{", "headers": {"content-type": "application/json"}}),
        ("/form", {"data": {"f": "v"}}),
        ("/nothing", {}),
    ]
    found = []
    for url, options in requests:
        response = client.post(url, **options)
        found.append((response.status_code, response.text))
    return found


def test_without_a_body_field_the_body_is_not_read() -> None:
    assert served_without_body_field("fastslim") == served_without_body_field("fastapi")
