"""One app through `fastslim` (the meta-package) with both of its test clients, on asyncio
and trio: a WebSocket chat with dependencies and security, a mounted sub-app, static
files, templates and a single-page app build served below the API."""

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

import fastslim
from fastslim import APIRouter, Depends, FastAPI, Request, WebSocket, WebSocketDisconnect
from fastslim.responses import HTMLResponse
from fastslim.security import HTTPAuthorizationCredentials, HTTPBearer
from fastslim.staticfiles import StaticFiles
from fastslim.templating import Jinja2Templates
from fastslim.testclient import AsyncTestClient, TestClient, WebSocketDenialResponse

bearer = HTTPBearer()


def make_app(root: Path, log: list[str]) -> FastAPI:
    (root / "static").mkdir()
    (root / "static" / "site.css").write_text("h1{}")
    (root / "templates").mkdir()
    (root / "templates" / "room.html").write_text(
        "<h1>{{ room }}</h1><a href=\"{{ url_for('static', path='/site.css') }}\">css</a>"
    )
    (root / "spa").mkdir()
    (root / "spa" / "index.html").write_text("<div id=app></div>")
    templates = Jinja2Templates(directory=root / "templates")

    def session() -> Iterator[str]:
        log.append("open")
        yield "s1"
        log.append("close")

    chat = APIRouter(prefix="/chat", dependencies=[Depends(lambda: log.append("router"))])

    @chat.websocket("/{room}", name="room-ws")
    async def room_ws(
        websocket: WebSocket,
        room: str,
        creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
        sid: Annotated[str, Depends(session)],
    ) -> None:
        await websocket.accept()
        try:
            while True:
                text = await websocket.receive_text()
                await websocket.send_json({"room": room, "user": creds.credentials, "text": text})
        except WebSocketDisconnect:
            log.append(f"left {sid}")

    @chat.get("/{room}", response_class=HTMLResponse)
    def room_page(request: Request, room: str) -> Any:
        return templates.TemplateResponse(request, "room.html", {"room": room})

    admin = FastAPI()

    @admin.get("/stats")
    def stats(request: Request) -> dict[str, Any]:
        return {"root_path": request.scope["root_path"], "log": list(log)}

    app = FastAPI()
    app.include_router(chat, prefix="/api")
    app.mount("/static", StaticFiles(directory=root / "static"), name="static")
    app.mount("/admin", admin)
    app.frontend("/", directory=root / "spa")
    return app


class _PortalSession:
    def __init__(self, portal: BlockingPortal, session: Any) -> None:
        self._portal, self._session = portal, session

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._session, name)
        return lambda *args, **kwargs: self._portal.call(functools.partial(method, *args, **kwargs))


class _PortalClient:
    """`fastslim.testclient.AsyncTestClient` driven from this sync test through a portal."""

    def __init__(self, portal: BlockingPortal, client: AsyncTestClient) -> None:
        self.portal, self.client = portal, client

    def get(self, url: str, **options: Any) -> Any:
        return self.portal.call(functools.partial(self.client.get, url, **options))

    @contextlib.contextmanager
    def websocket_connect(self, url: str, **options: Any) -> Iterator[Any]:
        session = self.client.websocket_connect(url, **options)
        with self.portal.wrap_async_context_manager(session) as entered:
            yield _PortalSession(self.portal, entered)


@pytest.fixture(params=["asyncio", "trio"])
def backend(request: pytest.FixtureRequest) -> Literal["asyncio", "trio"]:
    name: Literal["asyncio", "trio"] = request.param
    return name


@pytest.fixture(params=["TestClient", "AsyncTestClient"])
def client_for(
    request: pytest.FixtureRequest, backend: Literal["asyncio", "trio"]
) -> Iterator[Callable[[FastAPI], Any]]:
    if request.param == "TestClient":
        yield lambda app: TestClient(app, backend=backend)
        return
    with start_blocking_portal(backend) as portal:
        yield lambda app: _PortalClient(portal, AsyncTestClient(app))


def test_chat_static_templates_mount_and_frontend(
    client_for: Callable[[FastAPI], Any], tmp_path: Path
) -> None:
    log: list[str] = []
    client = client_for(make_app(tmp_path, log))
    auth = {"authorization": "Bearer ann"}
    with client.websocket_connect("/api/chat/lobby", headers=auth) as ws:
        ws.send_text("hi")
        assert ws.receive_json() == {"room": "lobby", "user": "ann", "text": "hi"}
    assert log == ["router", "open", "left s1", "close"]
    with (
        pytest.raises(fastslim.WebSocketDisconnect) as info,
        client.websocket_connect("/api/chat/lobby"),
    ):
        pass
    denial = info.value
    assert isinstance(denial, WebSocketDenialResponse)
    assert (denial.status_code, denial.headers["www-authenticate"]) == (401, "Bearer")
    page = client.get("/api/chat/lobby")
    assert page.text == '<h1>lobby</h1><a href="http://testserver/static/site.css">css</a>'
    assert client.get("/static/site.css").text == "h1{}"
    stats = client.get("/admin/stats").json()
    assert stats["root_path"] == "/admin"
    assert client.get("/some/page", headers={"accept": "text/html"}).text == "<div id=app></div>"
    assert client.get("/some/page").status_code == 404
