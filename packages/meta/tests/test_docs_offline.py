"""Offline docs (beyond FastAPI, opt-in): the pages load their assets from the app."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import re
from typing import Literal

import pytest

from fastslim import FastAPI
from fastslim.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastslim.openapi.offline import docs_assets_directory, serve_docs_offline
from fastslim.testclient import TestClient

Backend = Literal["asyncio", "trio"]
BACKENDS = pytest.mark.parametrize("backend", ["asyncio", "trio"])
ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']""")


def make_app() -> FastAPI:
    app = FastAPI(title="Shop")

    @app.get("/items")
    def items() -> list[str]:
        return []

    return app


@BACKENDS
def test_without_the_opt_in_the_pages_are_fastapis(backend: Backend) -> None:
    with TestClient(make_app(), backend=backend) as client:
        docs = client.get("/docs")
        redoc = client.get("/redoc")
    expected_docs = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Shop - Swagger UI",
        oauth2_redirect_url="/docs/oauth2-redirect",
    )
    assert docs.content == expected_docs.body
    assert redoc.content == get_redoc_html(openapi_url="/openapi.json", title="Shop - ReDoc").body
    assert "cdn.jsdelivr.net/npm/swagger-ui-dist@5" in docs.text


@BACKENDS
def test_with_the_opt_in_every_asset_comes_from_the_app(backend: Backend) -> None:
    app = make_app()
    assert serve_docs_offline(app) is True
    with TestClient(app, backend=backend) as client:
        for page in ("/docs", "/redoc"):
            html = client.get(page).text
            assets = ASSET.findall(html)
            assert assets, html
            assert [url for url in assets if not url.startswith("/docs-assets/")] == []
            assert "https://" not in html
            for url in assets:
                response = client.get(url)
                assert response.status_code == 200, url
                assert len(response.content) > 500, url
        js = client.get("/docs-assets/swagger-ui-dist/swagger-ui-bundle.js")
        assert js.headers["content-type"].startswith(("text/javascript", "application/javascript"))
        assert (
            client.get("/docs-assets/swagger-ui-dist/swagger-ui.css")
            .headers["content-type"]
            .startswith("text/css")
        )
        assert "/docs-assets" not in client.get("/openapi.json").text
        redoc = client.get("/docs-assets/redoc/bundles/redoc.standalone.js").text
        assert "cdn.redoc.ly" not in redoc  # its one CDN image is replaced
        assert "data:image/svg+xml" in redoc


def test_the_assets_follow_the_root_path_and_a_chosen_path() -> None:
    app = make_app()
    serve_docs_offline(app, path="/static/docs")
    with TestClient(app, root_path="/api") as client:
        html = client.get("/docs").text
        assert 'href="/api/static/docs/swagger-ui-dist/swagger-ui.css"' in html
        assert "url: '/api/openapi.json'" in html
        assert client.get("/api/static/docs/redoc/bundles/redoc.standalone.js").status_code == 200


def test_a_path_must_be_absolute_without_a_trailing_slash() -> None:
    for path in ("docs-assets", "/docs-assets/"):
        with pytest.raises(ValueError, match=re.escape(repr(path))):
            serve_docs_offline(make_app(), path=path)


def test_without_the_extra_the_pages_stay_on_the_cdn_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(
        "fastslim_routing.openapi.offline._ASSETS_PACKAGE", "no_such_assets_package"
    )
    app = make_app()
    with caplog.at_level(logging.WARNING, logger="fastslim"):
        assert serve_docs_offline(app) is False
    [record] = caplog.records
    assert record.name == "fastslim"
    assert "'docs-offline' extra: pip install 'fastslim[docs-offline]'" in record.getMessage()
    assert "from the CDN" in record.getMessage()
    with pytest.raises(ImportError, match=r"'docs-offline' extra: pip install 'fastslim\["):
        docs_assets_directory()
    with TestClient(app) as client:
        assert "cdn.jsdelivr.net/npm/swagger-ui-dist@5" in client.get("/docs").text
        assert client.get("/docs-assets/swagger-ui-dist/swagger-ui.css").status_code == 404


def test_the_assets_package_brings_no_web_framework() -> None:
    requires = importlib.metadata.requires("openapi-ui-bundles") or []
    assert requires == []
    assert importlib.util.find_spec("django") is None
