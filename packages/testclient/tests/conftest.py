"""Fixtures of the fastslim-testclient tests."""

import pytest


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> str:
    """The event loop a sync `TestClient` runs the app on."""
    name: str = request.param
    return name
