"""fastslim's TestClient against FastAPI's (Starlette's) as an oracle, on one FastAPI app.

Each probe makes the same calls through both clients and records what a test
would assert on: status, headers, body, the scope the app saw, cookies,
redirects, raised exceptions, WebSocket messages and close codes. The records
must be equal. Runs only in `nox -s compat`.
"""

import warnings
from collections.abc import Callable
from typing import Any

import fastapi
import pytest
from fastapi import FastAPI, Request, WebSocket
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse

import fastslim.testclient

with warnings.catch_warnings():
    # Starlette 1.x warns, on import, that its TestClient should move off httpx.
    warnings.simplefilter("ignore")
    import fastapi.testclient

pytestmark = pytest.mark.filterwarnings(
    # Starlette 1.x warns that its own TestClient should move off httpx.
    "ignore:Using `httpx` with `starlette.testclient` is deprecated"
)

Client = Any
Probe = Callable[[Callable[..., Client]], list[Any]]


def make_app() -> FastAPI:
    app = FastAPI()

    @app.api_route("/echo", methods=["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"])
    async def echo(request: Request) -> JSONResponse:
        body = await request.body()
        headers = dict(request.headers)
        headers.pop("content-length", None)
        return JSONResponse(
            {
                "method": request.method,
                "path": request.url.path,
                "query": str(request.query_params),
                "headers": headers,
                "body": body.decode(),
                "client": list(request.client) if request.client else None,
                "root_path": request.scope.get("root_path"),
                "scheme": request.url.scheme,
                "server": list(request.scope.get("server") or []),
                "http_version": request.scope.get("http_version"),
            }
        )

    @app.get("/items/{item_id}")
    async def item(item_id: int, q: str | None = None) -> dict[str, Any]:
        return {"item_id": item_id, "q": q}

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("boom")

    @app.get("/redirect")
    async def redirect() -> RedirectResponse:
        return RedirectResponse("/echo?from=redirect")

    @app.get("/cookie")
    async def cookie() -> PlainTextResponse:
        response = PlainTextResponse("ok")
        response.set_cookie("session", "abc")
        return response

    @app.websocket("/ws")
    async def ws(websocket: WebSocket) -> None:
        await websocket.accept(subprotocol="chat")
        text = await websocket.receive_text()
        await websocket.send_json({"got": text, "subprotocols": websocket.scope["subprotocols"]})
        data = await websocket.receive_bytes()
        await websocket.send_bytes(data[::-1])
        await websocket.close(code=1001, reason="bye")

    @app.websocket("/ws-deny")
    async def ws_deny(websocket: WebSocket) -> None:
        await websocket.close(code=1008)

    return app


def requests_and_scope(client: Callable[..., Client]) -> list[Any]:
    c = client(make_app())
    response = c.post("/echo?a=1&b=2", json={"x": 1}, headers={"X-Test": "yes"})
    head = c.head("/echo")
    return [
        response.status_code,
        response.json(),
        dict(response.headers),
        (head.status_code, head.content),
    ]


def validation_errors(client: Callable[..., Client]) -> list[Any]:
    c = client(make_app())
    ok = c.get("/items/3", params={"q": "x"})
    bad = c.get("/items/three")
    missing = c.get("/nowhere")
    return [
        (ok.status_code, ok.json()),
        (bad.status_code, bad.json(), bad.headers["content-type"]),
        (missing.status_code, missing.json()),
    ]


def redirects_and_cookies(client: Callable[..., Client]) -> list[Any]:
    c = client(make_app())
    redirected = c.get("/redirect")
    c.get("/cookie")
    return [
        redirected.status_code,
        redirected.json()["query"],
        [hop.status_code for hop in redirected.history],
        c.get("/echo").json()["headers"].get("cookie"),
    ]


def server_errors(client: Callable[..., Client]) -> list[Any]:
    quiet = client(make_app(), raise_server_exceptions=False).get("/boom")
    try:
        client(make_app()).get("/boom")
        raised = None
    except RuntimeError as exc:
        raised = str(exc)
    return [quiet.status_code, quiet.text, quiet.headers["content-type"], raised]


def base_url_and_root_path(client: Callable[..., Client]) -> list[Any]:
    body = client(make_app(), root_path="/api", base_url="https://example.org").get("/echo").json()
    return [body["root_path"], body["scheme"], body["server"], body["headers"]["host"]]


def websockets(client: Callable[..., Client]) -> list[Any]:
    c = client(make_app())
    record: list[Any] = []
    with c.websocket_connect("/ws", subprotocols=["chat", "other"]) as websocket:
        record.append(websocket.accepted_subprotocol)
        websocket.send_text("hi")
        record.append(websocket.receive_json())
        websocket.send_bytes(b"abc")
        record.append(websocket.receive_bytes())
        try:
            websocket.receive_text()
        except Exception as exc:
            record.append((type(exc).__name__, exc.code, exc.reason))  # type: ignore[attr-defined]
    try:
        with c.websocket_connect("/ws-deny"):
            pass
    except Exception as exc:
        record.append((type(exc).__name__, exc.code))  # type: ignore[attr-defined]
    return record


def lifespan_state(client: Callable[..., Client]) -> list[Any]:
    from collections.abc import AsyncIterator
    from contextlib import asynccontextmanager

    events: list[str] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, str]]:
        events.append("startup")
        yield {"db": "connected"}
        events.append("shutdown")

    app = FastAPI(lifespan=lifespan)

    @app.get("/state")
    async def state(request: Request) -> dict[str, str]:
        return {"db": request.state.db}

    with client(app) as c:
        body = c.get("/state").json()
        events.append("request done")
    return [body, events]


PROBES: list[Probe] = [
    requests_and_scope,
    validation_errors,
    redirects_and_cookies,
    server_errors,
    base_url_and_root_path,
    websockets,
    lifespan_state,
]


@pytest.mark.parametrize("probe", PROBES, ids=lambda probe: probe.__name__)
def test_same_observations_as_fastapis_test_client(probe: Probe) -> None:
    expected = probe(fastapi.testclient.TestClient)
    actual = probe(fastslim.testclient.TestClient)
    assert actual == expected
    assert expected  # the probe recorded something


def test_fastapi_is_the_oracle_version() -> None:
    assert fastapi.__version__ == "0.165.0"
