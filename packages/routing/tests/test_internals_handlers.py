"""`_internals/handlers.py`: `get_request_handler`, `serialize_response`,
`run_endpoint_function` (FastAPI 0.165's, compared with FastAPI in
tests/compat/test_request_handler_against_fastapi.py)."""

from collections.abc import Callable
from typing import Annotated, Any, Literal

import anyio
import pytest
from pydantic import BaseModel
from starlette.responses import PlainTextResponse, Response

from fastslim_di import Depends
from fastslim_routing.applications import FastAPI
from fastslim_routing.exceptions import ResponseValidationError
from fastslim_routing.internals import get_dependant, get_parameterless_sub_dependant
from fastslim_routing.param_functions import Query
from fastslim_routing.routing import (
    APIRoute,
    get_request_handler,
    request_response,
    run_endpoint_function,
    serialize_response,
)
from fastslim_routing.utils import create_model_field
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


class Item(BaseModel):
    name: str
    price: float = 1.0


def test_serialize_response_validates_then_dumps(backend: Literal["asyncio", "trio"]) -> None:
    field = create_model_field(name="Response_x", type_=Item, mode="serialization")

    async def main() -> None:
        assert await serialize_response(response_content={"a": Item(name="n")}) == {
            "a": {"name": "n", "price": 1.0}
        }
        content = {"name": "n", "extra": 1}
        assert await serialize_response(field=field, response_content=content) == {
            "name": "n",
            "price": 1.0,
        }
        dumped = await serialize_response(
            field=field, response_content=Item(name="b"), exclude_unset=True, dump_json=True
        )
        assert dumped == b'{"name":"b"}'
        with pytest.raises(ResponseValidationError) as caught:
            await serialize_response(field=field, response_content={"price": "x"})
        assert [error["loc"] for error in caught.value.errors()] == [
            ("response", "name"),
            ("response", "price"),
        ]
        assert caught.value.body == {"price": "x"}

    anyio.run(main, backend=backend)


def test_run_endpoint_function(backend: Literal["asyncio", "trio"]) -> None:
    def sync(a: int) -> str:
        return f"sync {a}"

    async def asynchronous(a: int) -> str:
        return f"async {a}"

    async def main() -> list[Any]:
        return [
            await run_endpoint_function(
                dependant=get_dependant(path="/", call=sync), values={"a": 1}, is_coroutine=False
            ),
            await run_endpoint_function(
                dependant=get_dependant(path="/", call=asynchronous),
                values={"a": 2},
                is_coroutine=True,
            ),
        ]

    assert anyio.run(main, backend=backend) == ["sync 1", "async 2"]


def test_a_handler_serves_the_changed_dependant(client_for: Client) -> None:
    def marker(response: Response) -> None:
        response.headers["x-marker"] = "1"

    def endpoint(item: Item, q: Annotated[str, Query(max_length=2)]) -> dict[str, Any]:
        return {"name": item.name, "q": q, "hidden": True}

    class Out(BaseModel):
        name: str
        q: str

    app = FastAPI()
    app.post("/h")(endpoint)
    route = app.router.routes[-1]
    assert isinstance(route, APIRoute)
    dependant = get_dependant(path="/h", call=endpoint)
    extra = get_parameterless_sub_dependant(depends=Depends(marker), path="/h")
    dependant.dependencies.append(extra)
    handler = get_request_handler(
        dependant=dependant,
        body_field=route.body_field,
        status_code=201,
        response_field=create_model_field(name="Out", type_=Out, mode="serialization"),
    )
    route.app = request_response(handler)
    plain = get_request_handler(
        dependant=get_dependant(path="/p", call=lambda: "text"), response_class=PlainTextResponse
    )
    app.get("/p")(lambda: None)
    app.router.routes[-1].app = request_response(plain)  # type: ignore[attr-defined]
    client = client_for(app)
    response = client.post("/h?q=ab", json={"name": "n"})
    assert (response.status_code, response.json()) == (201, {"name": "n", "q": "ab"})
    assert response.headers["x-marker"] == "1"
    assert client.post("/h?q=abc", json={"name": "n"}).status_code == 422
    answer = client.get("/p")
    assert (answer.text, answer.headers["content-type"]) == ("text", "text/plain; charset=utf-8")


def test_a_dependant_without_call_is_refused() -> None:
    dependant = get_dependant(path="/", call=lambda: None)
    dependant.call = None
    with pytest.raises(AssertionError):
        get_request_handler(dependant=dependant)


def test_without_a_body_field_the_body_is_not_read(client_for: Client) -> None:
    def endpoint(item: Item) -> str:
        return item.name

    app = FastAPI()
    app.post("/h")(endpoint)
    route = app.router.routes[-1]
    assert isinstance(route, APIRoute)
    dependant = get_dependant(path="/h", call=endpoint)
    route.app = request_response(get_request_handler(dependant=dependant))
    response = client_for(app).post("/h", json={"name": "n"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}
    ]
    route.app = request_response(
        get_request_handler(dependant=dependant, body_field=route.body_field)
    )
    assert client_for(app).post("/h", json={"name": "n"}).json() == "n"
