"""Fixtures of the shop demo's tests: an app on a fresh database in a temporary folder,
served by the test client on asyncio and on trio."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the shop package
sys.path.insert(0, str(Path(__file__).resolve().parent))  # _shop_served

from shop import Settings, create_app
from shop.app import deliver_in_process

from fastslim import FastAPI
from fastslim.testclient import TestClient


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, report_seconds=0.01, drain_timeout=5)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings, webhook_transport=deliver_in_process)


@pytest.fixture(params=["asyncio", "trio"])
def client(request: pytest.FixtureRequest, app: FastAPI) -> Iterator[TestClient]:
    backend: Literal["asyncio", "trio"] = request.param
    with TestClient(app, backend=backend) as client:
        yield client


@pytest.fixture
def auth(client: TestClient) -> dict[str, str]:
    """The headers of a logged-in admin."""
    response = client.post("/token", data={"username": "admin", "password": "shop-admin"})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
