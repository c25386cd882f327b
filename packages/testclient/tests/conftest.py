"""Fixtures of the fastslim-testclient tests."""

from typing import Literal

import pytest


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> Literal["asyncio", "trio"]:
    """The event loop a sync `TestClient` runs the app on."""
    name: Literal["asyncio", "trio"] = request.param
    return name
