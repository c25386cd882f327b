"""`StaticFiles` mounted on a fastslim app, next to its routes (both clients, both loops)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from starlette.staticfiles import StaticFiles as StarletteStaticFiles

from fastslim_routing import APIRouter, FastAPI, Request
from fastslim_routing.staticfiles import StaticFiles

Client = Callable[..., Any]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "app.css").write_text("body{}")
    (tmp_path / "index.html").write_text("<h1>home</h1>")
    (tmp_path / "404.html").write_text("<h1>lost</h1>")
    return tmp_path


def test_it_is_starlettes() -> None:
    assert StaticFiles is StarletteStaticFiles


def test_mounted_files_routes_and_url_for(any_client_for: Client, site: Path) -> None:
    app = FastAPI()
    app.mount("/static", StaticFiles(directory=site), name="static")

    @app.get("/link")
    def link(request: Request) -> str:
        return str(request.url_for("static", path="/css/app.css"))

    client = any_client_for(app)
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.text == "body{}"
    assert response.headers["content-type"] == "text/css; charset=utf-8"
    assert "etag" in response.headers
    cached = client.get("/static/css/app.css", headers={"if-none-match": response.headers["etag"]})
    assert cached.status_code == 304
    missing = client.get("/static/nope.css")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
    assert client.get("/link").json() == "http://testserver/static/css/app.css"
    assert app.url_path_for("static", path="/x.js") == "/static/x.js"
    assert client.post("/static/css/app.css").status_code == 405


def test_html_mode_serves_index_and_404_pages(any_client_for: Client, site: Path) -> None:
    app = FastAPI()
    router = APIRouter()

    @router.get("/api")
    def api() -> str:
        return "api"

    app.include_router(router)
    app.mount("/", StaticFiles(directory=site, html=True), name="site")
    client = any_client_for(app)
    assert client.get("/api").json() == "api"
    home = client.get("/")
    assert (home.status_code, home.text) == (200, "<h1>home</h1>")
    lost = client.get("/nowhere")
    assert (lost.status_code, lost.text) == (404, "<h1>lost</h1>")
