"""Fixtures of the fastslim-routing tests: a test client on each event loop."""

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any, Literal

import httpx
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

from fastslim_testclient import AsyncTestClient, TestClient


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> Literal["asyncio", "trio"]:
    """The event loop the app runs on."""
    name: Literal["asyncio", "trio"] = request.param
    return name


@pytest.fixture
def client_for(backend: Literal["asyncio", "trio"]) -> Callable[..., TestClient]:
    """`client_for(app)`: a TestClient for `app` on this test's backend."""

    def make(app: Any, **options: Any) -> TestClient:
        return TestClient(app, backend=backend, **options)

    return make


class _PortalSession:
    """An `AsyncWebSocketTestSession` driven from sync code (each call through the portal)."""

    def __init__(self, portal: BlockingPortal, session: Any) -> None:
        self._portal = portal
        self._session = session

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._session, name)
        return lambda *args, **kwargs: self._portal.call(functools.partial(method, *args, **kwargs))


class PortalClient:
    """An `AsyncTestClient` driven from sync test code through a blocking portal, so
    one test body runs with both clients (`get`, `post`, `request`, `websocket_connect`)."""

    def __init__(self, portal: BlockingPortal, client: AsyncTestClient) -> None:
        self.portal = portal
        self.client = client

    def request(self, method: str, url: str, **options: Any) -> httpx.Response:
        call = functools.partial(self.client.request, method, url, **options)
        return self.portal.call(call)

    def get(self, url: str, **options: Any) -> httpx.Response:
        return self.request("GET", url, **options)

    def post(self, url: str, **options: Any) -> httpx.Response:
        return self.request("POST", url, **options)

    def head(self, url: str, **options: Any) -> httpx.Response:
        return self.request("HEAD", url, **options)

    @contextlib.contextmanager
    def websocket_connect(self, url: str, **options: Any) -> Iterator[Any]:
        session = self.client.websocket_connect(url, **options)
        with self.portal.wrap_async_context_manager(session) as entered:
            yield _PortalSession(self.portal, entered)


@pytest.fixture(params=["TestClient", "AsyncTestClient"])
def any_client_for(
    request: pytest.FixtureRequest, backend: Literal["asyncio", "trio"]
) -> Iterator[Callable[..., Any]]:
    """`any_client_for(app)`: a `TestClient`, or an `AsyncTestClient` behind a blocking
    portal, on this test's backend (the same sync API for both)."""
    if request.param == "TestClient":
        yield lambda app, **options: TestClient(app, backend=backend, **options)
        return
    with start_blocking_portal(backend) as portal:
        yield lambda app, **options: PortalClient(portal, AsyncTestClient(app, **options))
