"""`app.frontend(...)` / `router.frontend(...)` (`_frontend`): single-page app builds
served below every route (both clients, both loops)."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import pytest

from fastslim_routing import APIRouter, Depends, FastAPI, Header, HTTPException
from fastslim_routing._routes._frontend_route import accepts_html

Client = Callable[..., Any]
HTML = {"accept": "text/html"}


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """A build with index.html, 404.html, an asset and a nested directory index."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "nested").mkdir()
    (tmp_path / "index.html").write_text("index")
    (tmp_path / "404.html").write_text("not found page")
    (tmp_path / "assets" / "app.js").write_text("js")
    (tmp_path / "nested" / "index.html").write_text("nested")
    return tmp_path


@pytest.fixture
def index_only(tmp_path: Path) -> Path:
    folder = tmp_path / "index_only"
    folder.mkdir()
    (folder / "index.html").write_text("only index")
    return folder


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, False),
        ("*/*", False),
        ("text/html", True),
        ("TEXT/HTML", True),
        ("application/xhtml+xml", True),
        ("application/json, text/html;q=0.5", True),
        ("text/html;q=0", False),
        ("text/html; q=0.0, */*", False),
        ("text/html;q=oops", False),
        ("text/plain", False),
    ],
)
def test_accepts_html(accept: str | None, expected: bool) -> None:
    assert accepts_html(accept) is expected


def test_auto_fallback_prefers_the_404_page(any_client_for: Client, build: Path) -> None:
    app = FastAPI()

    @app.get("/api")
    def api() -> str:
        return "api"

    app.frontend("/", directory=build)

    @app.get("/later")
    def later() -> str:
        return "later"

    client = any_client_for(app)
    assert client.get("/api").json() == "api"
    assert client.get("/later").json() == "later"
    assert client.get("/").text == "index"
    assert client.get("/assets/app.js").text == "js"
    redirect = client.get("/nested", follow_redirects=False)
    assert (redirect.status_code, redirect.headers["location"]) == (
        307,
        "http://testserver/nested/",
    )
    assert client.get("/nested/").text == "nested"
    for headers in ({}, HTML, {"accept": "application/json"}):
        missing = client.get("/client/side/route", headers=headers)
        assert (missing.status_code, missing.text) == (404, "not found page")
    assert client.head("/missing").status_code == 404
    post = client.post("/missing")
    assert (post.status_code, post.json()) == (404, {"detail": "Not Found"})
    put = client.request("PUT", "/assets/app.js")
    assert (put.status_code, put.json()) == (405, {"detail": "Method Not Allowed"})
    assert "allow" not in put.headers


def test_index_fallback_only_for_clients_accepting_html(
    any_client_for: Client, build: Path, index_only: Path
) -> None:
    app = FastAPI()
    app.frontend("/app", directory=index_only)
    app.frontend("/explicit", directory=build, fallback="index.html")
    app.frontend("/none", directory=build, fallback=None)
    client = any_client_for(app)
    assert client.get("/app/users/1", headers=HTML).text == "only index"
    assert client.get("/app/users/1", headers={"accept": "*/*"}).status_code == 404
    assert client.get("/explicit/x", headers=HTML).text == "index"
    not_found = client.get("/explicit/x")
    assert (not_found.status_code, not_found.json()) == (404, {"detail": "Not Found"})
    assert client.get("/none/x", headers=HTML).json() == {"detail": "Not Found"}
    assert client.get("/none/").text == "index"
    assert client.get("/application", headers=HTML).status_code == 404
    assert client.get("/app", follow_redirects=False).headers["location"].endswith("/app/")


def test_router_frontend_under_inclusions_with_dependencies(
    any_client_for: Client, index_only: Path, build: Path
) -> None:
    log: list[str] = []

    def auth(x_token: Annotated[str, Header()]) -> None:
        log.append("auth")
        if x_token != "ok":
            raise HTTPException(401, "bad token")

    router = APIRouter(prefix="/admin", dependencies=[Depends(lambda: log.append("router"))])
    router.frontend("/ui", directory=index_only)
    app = FastAPI(dependencies=[Depends(lambda: log.append("app"))])
    app.include_router(router, prefix="/v1", dependencies=[Depends(auth)])
    app.frontend("/", directory=build)
    client = any_client_for(app)
    ok = {"x-token": "ok", **HTML}
    assert client.get("/v1/admin/ui/deep/link", headers=ok).text == "only index"
    assert log == ["app", "auth", "router"]
    denied = client.get("/v1/admin/ui/", headers={"x-token": "no"})
    assert (denied.status_code, denied.json()) == (401, {"detail": "bad token"})
    missing = client.get("/v1/admin/ui/")
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["header", "x-token"]
    # Outside the inclusion's prefix, the root frontend answers.
    assert client.get("/admin/ui/", headers=ok).text == "not found page"


def test_declaration_errors(build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = FastAPI()
    with pytest.raises(AssertionError, match="must start with '/'"):
        app.frontend("ui", directory=build)
    with pytest.raises(AssertionError, match="fallback must be"):
        app.frontend("/", directory=build, fallback="home.html")  # type: ignore[arg-type]
    missing = tmp_path / "missing"
    with pytest.raises(RuntimeError, match=r"Frontend directory .* does not exist"):
        app.frontend("/", directory=missing)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RuntimeError, match=r"Frontend fallback file .index\.html. does not exist"):
        app.frontend("/", directory=empty, fallback="index.html")
    app.frontend("/unchecked", directory=missing, check_dir=False)
    monkeypatch.setenv("FASTAPI_ENV", "development")
    with pytest.warns(UserWarning, match="does not exist"):
        app.frontend("/dev", directory=missing)
    with pytest.raises(RuntimeError, match="does not exist"):
        app.frontend("/dev", directory=missing, check_dir=True)


def test_unchecked_missing_directory_fails_when_served(
    any_client_for: Client, tmp_path: Path
) -> None:
    app = FastAPI()
    app.frontend("/", directory=tmp_path / "missing", check_dir=False)
    with pytest.raises(RuntimeError, match=r"StaticFiles directory .* does not exist"):
        any_client_for(app).get("/x")


def test_routes_changed_later_are_served_before_the_frontend(
    any_client_for: Client, build: Path
) -> None:
    app = FastAPI()
    router = APIRouter()
    app.frontend("/", directory=build)
    app.include_router(router)
    client = any_client_for(app)
    assert client.get("/late").status_code == 404

    @router.get("/late")
    def late() -> str:
        return "late"

    assert client.get("/late").json() == "late"


def test_paths_that_cannot_name_a_file_are_a_plain_404(any_client_for: Client, build: Path) -> None:
    app = FastAPI()
    app.frontend("/", directory=build)
    client = any_client_for(app)
    for path in ("/a%00b", "/" + "n" * 300):
        response = client.get(path, headers=HTML)
        assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})
