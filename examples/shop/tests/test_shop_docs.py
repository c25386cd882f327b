"""The demo's docs pages: served offline with the `docs-offline` extra, from the CDN
(and saying so in the log) without it; the demo starts either way."""

from __future__ import annotations

import logging

import pytest
from shop import Settings, create_app

from fastslim.testclient import TestClient


def test_with_the_extra_the_docs_assets_come_from_the_demo(client: TestClient) -> None:
    docs = client.get("/docs").text
    assert "/docs-assets/swagger-ui-dist/swagger-ui-bundle.js" in docs
    assert "https://" not in docs
    assert client.get("/docs-assets/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs-assets/redoc/bundles/redoc.standalone.js").status_code == 200


def test_without_the_extra_the_demo_starts_with_the_cdn_pages(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(
        "fastslim_routing.openapi.offline._ASSETS_PACKAGE", "no_such_assets_package"
    )
    with caplog.at_level(logging.WARNING, logger="fastslim"):
        app = create_app(settings)
    assert any("'docs-offline' extra" in record.getMessage() for record in caplog.records)
    with TestClient(app) as client:
        assert client.get("/items").status_code == 200
        docs = client.get("/docs")
        assert docs.status_code == 200
        assert "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5" in docs.text
        assert "cdn.jsdelivr.net/npm/redoc@2" in client.get("/redoc").text
