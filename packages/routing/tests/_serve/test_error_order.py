"""`_error_order`: a request's validation errors in FastAPI's order, overrides included
(route, decorator and router dependencies; sub-dependencies of an override; the
endpoint's own parameters last), on asyncio and trio."""

from collections.abc import Callable
from typing import Annotated, Any

import pytest

from fastslim_routing import APIRouter, Body, Depends, FastAPI, Header, Query
from fastslim_routing._serve._error_order import LATE, late_errors, ordered_errors
from fastslim_routing.websockets import WebSocket
from fastslim_testclient import TestClient, WebSocketDisconnect

Client = Callable[..., TestClient]


def locs(response: Any) -> list[list[str]]:
    return [error["loc"] for error in response.json()["detail"]]


def test_late_errors_carry_their_owner_and_sort_after_compiled_ones() -> None:
    keyed = late_errors([((0, 1, 0), {"loc": ["query", "a"]})], print)
    assert keyed == [((LATE, 1, 0, print), {"loc": ["query", "a"]})]
    compiled = ((0, 2, 5), {"loc": ["header", "b"]})
    # Without a container nothing is re-ranked: only the keys decide.
    assert ordered_errors([*keyed, compiled, "not keyed"], None, None) == [  # type: ignore[arg-type]
        {"loc": ["header", "b"]},
        {"loc": ["query", "a"]},
    ]


def fake_sub(y: Annotated[int, Header()]) -> int:
    return y


def fake(k: int, s: Annotated[int, Depends(fake_sub)]) -> str:
    return f"fake {k} {s}"


def fake_decorator(b: Annotated[str, Query(min_length=2)]) -> str:
    return b


def original(q: str) -> str:
    return q


def decorator_dependency(a: int) -> int:
    return a


def router_dependency(r: int) -> int:
    return r


def app_with_overrides() -> FastAPI:
    app = FastAPI()
    router = APIRouter(dependencies=[Depends(router_dependency)])

    @router.get("/routed")
    def routed(own: int) -> str:
        return "routed"

    @app.get("/items", dependencies=[Depends(decorator_dependency)])
    def items(value: Annotated[str, Depends(original)], own: int) -> str:
        return value

    app.include_router(router)
    app.dependency_overrides[original] = fake
    app.dependency_overrides[decorator_dependency] = fake_decorator
    app.dependency_overrides[router_dependency] = fake_sub
    return app


def test_override_sub_dependencies_come_before_its_own_parameters(client_for: Client) -> None:
    client = client_for(app_with_overrides())
    # FastAPI: the decorator's override, then the override's sub-dependency, then
    # the override's own parameter, then the endpoint's own.
    assert locs(client.get("/items")) == [
        ["query", "b"],
        ["header", "y"],
        ["query", "k"],
        ["query", "own"],
    ]
    invalid = client.get("/items?b=x&k=x&own=1", headers={"y": "y"})
    assert [error["type"] for error in invalid.json()["detail"]] == [
        "string_too_short",
        "int_parsing",
        "int_parsing",
    ]
    assert locs(invalid) == [["query", "b"], ["header", "y"], ["query", "k"]]
    ok = client.get("/items?b=xy&k=2&own=1", headers={"y": "3"})
    assert ok.json() == "fake 2 3"
    assert locs(client.get("/routed")) == [["header", "y"], ["query", "own"]]


def test_body_and_query_of_an_override_keep_fastapi_order(client_for: Client) -> None:
    app = FastAPI()

    def needs(q: int) -> int:
        return q

    def replacement(item: Annotated[int, Body(embed=True)], q: str) -> int:
        return item

    @app.post("/")
    def endpoint(value: Annotated[int, Depends(needs)], own: int) -> int:
        return value

    app.dependency_overrides[needs] = replacement
    client = client_for(app)
    assert locs(client.post("/", json={})) == [
        ["query", "q"],
        ["body", "item"],
        ["query", "own"],
    ]


@pytest.mark.parametrize("emptied", [None, {}])
def test_none_or_an_empty_dict_means_no_override(
    client_for: Client, emptied: dict[Any, Any] | None
) -> None:
    app = app_with_overrides()
    client = client_for(app)
    assert client.get("/items?b=xy&k=2&own=1", headers={"y": "3"}).json() == "fake 2 3"
    app.dependency_overrides = emptied
    assert app.dependency_overrides is emptied
    assert locs(client.get("/items")) == [["query", "a"], ["query", "q"], ["query", "own"]]
    assert client.get("/items?a=1&q=real&own=1").json() == "real"
    assert locs(client.get("/routed")) == [["query", "r"], ["query", "own"]]
    app.dependency_overrides = {original: fake}
    assert locs(client.get("/items?a=1&own=1")) == [["header", "y"], ["query", "k"]]


def test_websocket_override_errors_in_fastapi_order(client_for: Client) -> None:
    app = FastAPI()

    @app.websocket("/ws")
    async def ws(websocket: WebSocket, value: Annotated[str, Depends(original)]) -> None:
        await websocket.accept()
        await websocket.send_text(value)
        await websocket.close()

    app.dependency_overrides[original] = fake
    client = client_for(app)
    with client.websocket_connect("/ws?k=1", headers={"y": "2"}) as session:
        assert session.receive_text() == "fake 1 2"
    with pytest.raises(WebSocketDisconnect) as caught, client.websocket_connect("/ws"):
        pass
    assert caught.value.code == 1008
    reason: Any = caught.value.reason  # the error list, as FastAPI's
    assert [error["loc"] for error in reason] == [["header", "y"], ["query", "k"]]
