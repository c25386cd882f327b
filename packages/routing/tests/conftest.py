"""Fixtures of the fastslim-routing tests: a test client on each event loop."""

from collections.abc import Callable
from typing import Any, Literal

import pytest

from fastslim_testclient import TestClient


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
