"""`fastslim.websockets` and the WebSocket exceptions of `fastslim.testclient`: one
`pytest.raises(fastslim.WebSocketDisconnect)` works with either client (fastslim's
TestClient and AsyncTestClient, and Starlette's)."""

import functools
import warnings
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

import pytest
import starlette.websockets
from anyio.from_thread import start_blocking_portal

import fastslim
import fastslim.websockets
import fastslim_testclient
from fastslim import Depends, FastAPI, HTTPException, WebSocket
from fastslim.routing import APIWebSocketRoute
from fastslim.testclient import (
    AsyncTestClient,
    TestClient,
    WebSocketDenialResponse,
    WebSocketDisconnect,
)


def test_websockets_module_is_starlettes() -> None:
    assert fastslim.websockets.WebSocket is starlette.websockets.WebSocket
    assert fastslim.websockets.WebSocketDisconnect is starlette.websockets.WebSocketDisconnect
    assert fastslim.websockets.WebSocketState is starlette.websockets.WebSocketState
    assert fastslim.WebSocketDisconnect is starlette.websockets.WebSocketDisconnect
    assert issubclass(APIWebSocketRoute, fastslim.routing.WebSocketRoute)


def test_exceptions_are_both_packages_classes() -> None:
    assert issubclass(WebSocketDisconnect, fastslim.WebSocketDisconnect)
    assert issubclass(WebSocketDisconnect, fastslim_testclient.WebSocketDisconnect)
    assert issubclass(WebSocketDenialResponse, fastslim.WebSocketDisconnect)
    assert issubclass(WebSocketDenialResponse, fastslim_testclient.WebSocketDenialResponse)
    closed = WebSocketDisconnect(1008, "bad")
    assert (closed.code, closed.reason) == (1008, "bad")
    denied = WebSocketDenialResponse(401, [(b"content-type", b"application/json")], b"{}")
    assert (denied.code, denied.status_code, denied.json()) == (1006, 401, {})


def make_app() -> FastAPI:
    app = FastAPI()

    def deny() -> None:
        raise HTTPException(401, detail="Not authenticated", headers={"www-authenticate": "X"})

    @app.websocket("/closes")
    async def closes(websocket: WebSocket) -> None:
        await websocket.close(code=4001, reason="go away")

    @app.websocket("/denies")
    async def denies(websocket: WebSocket, d: Annotated[None, Depends(deny)]) -> None:
        await websocket.accept()

    @app.websocket("/invalid/{n}")
    async def invalid(websocket: WebSocket, n: int) -> None:
        await websocket.accept()

    return app


class _Session:
    def __init__(self, portal: Any, session: Any) -> None:
        self.portal, self.session = portal, session

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.session, name)
        return lambda *a, **k: self.portal.call(functools.partial(method, *a, **k))


@pytest.fixture(params=["TestClient", "AsyncTestClient"])
def connect(
    request: pytest.FixtureRequest, backend: Literal["asyncio", "trio"]
) -> Iterator[Callable[[str], Any]]:
    """`connect(url)`: a WebSocket session context manager through fastslim's client."""
    app = make_app()
    if request.param == "TestClient":
        client = TestClient(app, backend=backend)
        yield client.websocket_connect
        return
    async_client = AsyncTestClient(app)
    with start_blocking_portal(backend) as portal:

        def open_session(url: str) -> Any:
            return portal.wrap_async_context_manager(async_client.websocket_connect(url))

        yield open_session


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> Literal["asyncio", "trio"]:
    name: Literal["asyncio", "trio"] = request.param
    return name


def test_a_close_is_fastslims_websocket_disconnect(connect: Callable[[str], Any]) -> None:
    with pytest.raises(fastslim.WebSocketDisconnect) as info, connect("/closes"):
        pass
    assert (info.value.code, info.value.reason) == (4001, "go away")


def test_a_denial_is_fastslims_websocket_disconnect(connect: Callable[[str], Any]) -> None:
    with pytest.raises(fastslim.WebSocketDisconnect) as info, connect("/denies"):
        pass
    assert isinstance(info.value, WebSocketDenialResponse)
    assert info.value.status_code == 401
    assert info.value.headers["www-authenticate"] == "X"


def test_a_denial_is_starlettes_websocket_denial_response(connect: Callable[[str], Any]) -> None:
    # FastAPI's own tests catch Starlette's class with FastAPI's (Starlette's) client.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import WebSocketDenialResponse as StarletteDenial

    with pytest.raises(StarletteDenial) as info, connect("/denies"):
        pass
    assert info.value.status_code == 401


def test_a_validation_close_carries_the_errors(connect: Callable[[str], Any]) -> None:
    with pytest.raises(fastslim.WebSocketDisconnect) as info, connect("/invalid/x"):
        pass
    assert info.value.code == 1008
    reason: Any = info.value.reason
    assert [error["loc"] for error in reason] == [["path", "n"]]


@pytest.mark.filterwarnings("ignore::starlette.exceptions.StarletteDeprecationWarning")
def test_starlettes_client_raises_the_same_class() -> None:
    from starlette.testclient import TestClient as StarletteTestClient

    client = StarletteTestClient(make_app())
    with pytest.raises(fastslim.WebSocketDisconnect) as info, client.websocket_connect("/closes"):
        pass
    assert info.value.code == 4001
