"""`_body_limit`: `max_body_size` and `form_limits` at every level (checked against FastAPI)."""

import hashlib
import json
import tempfile
import tracemalloc
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, ClassVar

import anyio
import pytest
import starlette.formparsers
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fastslim_routing import APIRouter, Body, FastAPI, Form, UploadFile
from fastslim_testclient import AsyncTestClient, TestClient

ClientFor = Callable[..., TestClient]
TEXT = {"content-type": "text/plain"}
PLAIN_413 = (413, "text/plain; charset=utf-8", b"Content Too Large")
JSON_413 = (413, "application/json", b'{"detail":"Content Too Large"}')


def echo_app(**app_options: Any) -> FastAPI:
    app = FastAPI(**app_options)

    @app.post("/app")
    def at_app(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    @app.post("/r5", max_body_size=5)
    def route_5(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    @app.post("/r100", max_body_size=100)
    def route_100(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    @app.post("/r0", max_body_size=0)
    def route_0(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    return app


def outcome(response: Any) -> tuple[int, str | None, bytes]:
    return response.status_code, response.headers.get("content-type"), response.content


def test_the_most_specific_limit_wins(client_for: ClientFor) -> None:
    client = client_for(echo_app(max_body_size=10))
    assert client.post("/app", content=b"x" * 10, headers=TEXT).json() == 10
    assert outcome(client.post("/app", content=b"x" * 11, headers=TEXT)) == PLAIN_413
    assert outcome(client.post("/r5", content=b"x" * 6, headers=TEXT)) == PLAIN_413
    assert client.post("/r100", content=b"x" * 50, headers=TEXT).json() == 50
    assert client.post("/r0", headers=TEXT).json() == 0
    assert outcome(client.post("/r0", content=b"x", headers=TEXT)) == PLAIN_413
    # The query string and headers do not count.
    response = client.post("/r0", params={"q": "x" * 100}, headers={**TEXT, "x-h": "y" * 100})
    assert response.json() == 0


def test_bytes_past_the_limit_without_content_length_are_a_json_413(
    client_for: ClientFor,
) -> None:
    client = client_for(echo_app())
    assert outcome(client.post("/r5", content=[b"xxx", b"xxx"], headers=TEXT)) == JSON_413
    assert client.post("/r5", content=[b"xx", b"xxx"], headers=TEXT).json() == 5
    # More bytes than declared.
    response = client.post("/r100", content=b"x" * 101, headers={**TEXT, "content-length": "50"})
    assert outcome(response) == JSON_413


def test_no_limit_anywhere_is_unlimited(client_for: ClientFor) -> None:
    client = client_for(echo_app())
    assert client.post("/app", content=b"x" * 100_000, headers=TEXT).json() == 100_000


def inclusions_app() -> FastAPI:
    router = APIRouter(max_body_size=20)

    @router.post("/x")
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    plain = APIRouter()

    @plain.post("/y")
    def y(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    app = FastAPI(max_body_size=10)
    # A router's own limit is its routes' (FastAPI merges it when they are declared):
    # it wins over the inclusion's.
    app.include_router(router, prefix="/own-over-include", max_body_size=30)
    app.include_router(plain, prefix="/include-30", max_body_size=30)
    app.include_router(plain, prefix="/include-4", max_body_size=4)
    app.include_router(plain, prefix="/app-10")
    return app


@pytest.mark.parametrize(
    ("path", "allowed"),
    [("/own-over-include/x", 20), ("/include-30/y", 30), ("/include-4/y", 4), ("/app-10/y", 10)],
)
def test_inclusions_keep_their_own_limits(client_for: ClientFor, path: str, allowed: int) -> None:
    client = client_for(inclusions_app())
    assert client.post(path, content=b"x" * allowed, headers=TEXT).json() == allowed
    assert outcome(client.post(path, content=b"x" * (allowed + 1), headers=TEXT)) == PLAIN_413


@pytest.mark.parametrize(
    ("a_own", "a_include", "b_include", "allowed"),
    [(10, 20, None, 10), (10, 20, 30, 30), (None, 20, None, 20), (30, 10, None, 30)],
)
def test_nested_inclusions_innermost_first(
    client_for: ClientFor, a_own: int | None, a_include: int, b_include: int | None, allowed: int
) -> None:
    app = FastAPI()
    outer, inner = APIRouter(max_body_size=a_own), APIRouter()

    @inner.post("/x")
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    outer.include_router(inner, prefix="/b", max_body_size=b_include)
    app.include_router(outer, prefix="/a", max_body_size=a_include)
    client = client_for(app)
    assert client.post("/a/b/x", content=b"x" * allowed, headers=TEXT).json() == allowed
    assert client.post("/a/b/x", content=b"x" * (allowed + 1), headers=TEXT).status_code == 413


def http_scope(path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "POST",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "http_version": "1.1",
        "scheme": "http",
        "server": ("test", 80),
        "client": ("test", 1),
    }


async def drive(app: Any, scope: dict[str, Any], chunks: Iterator[bytes]) -> list[Any]:
    """Send a request body of `chunks` straight through ASGI; the messages sent back."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


def test_the_endpoint_never_runs_and_the_body_is_not_read_past_the_limit(
    backend: str,
) -> None:
    ran: list[str] = []
    app = FastAPI()

    @app.post("/r", max_body_size=10)
    def endpoint(b: Annotated[bytes, Body()]) -> None:
        ran.append("endpoint")  # pragma: no cover

    pulled: list[int] = []

    def endless() -> Iterator[bytes]:
        while True:
            pulled.append(4)
            yield b"x" * 4

    scope = http_scope("/r", [(b"content-type", b"text/plain")])
    sent = anyio.run(drive, app, scope, endless(), backend=backend)
    assert ran == []
    assert sum(pulled) == 12  # the third chunk passed 10 bytes: nothing more was read
    assert sent[0]["status"] == 413
    assert sent[1]["body"] == b'{"detail":"Content Too Large"}'


class ReadsBody(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: Any) -> Response:
        await request.body()
        response: Response = await call_next(request)
        return response


@pytest.mark.parametrize(
    ("app_limit", "route_limit", "fixed", "streamed"),
    [
        (10, 100, PLAIN_413, PLAIN_413),
        (None, 10, PLAIN_413, JSON_413),
        (100, 10, PLAIN_413, JSON_413),
    ],
)
def test_a_middleware_that_reads_the_body_still_gets_413(
    client_for: ClientFor,
    app_limit: int | None,
    route_limit: int,
    fixed: tuple[Any, ...],
    streamed: tuple[Any, ...],
) -> None:
    app = FastAPI(max_body_size=app_limit)
    app.add_middleware(ReadsBody)

    @app.post("/x", max_body_size=route_limit)
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    client = client_for(app, raise_server_exceptions=False)
    assert client.post("/x", content=b"x" * 5, headers=TEXT).json() == 5
    assert outcome(client.post("/x", content=b"x" * 50, headers=TEXT)) == fixed
    assert outcome(client.post("/x", content=[b"x" * 25] * 2, headers=TEXT)) == streamed


class Passes(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        return response


@pytest.mark.parametrize("content", [b"x" * 150, [b"x" * 75, b"x" * 75]])
def test_the_limit_of_a_read_under_another_middleware_is_a_413(
    client_for: ClientFor, content: Any
) -> None:
    """The inner middleware's read fails inside the outer one's task group: the 413
    arrives in an ExceptionGroup, and is answered all the same (as FastAPI does)."""
    app = FastAPI(max_body_size=100)
    app.add_middleware(ReadsBody)
    app.add_middleware(Passes)

    @app.post("/x")
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)  # pragma: no cover

    client = client_for(app)
    assert outcome(client.post("/x", content=content, headers=TEXT)) == PLAIN_413


@pytest.mark.parametrize(("outer", "inner", "allowed"), [(10, None, 10), (10, 100, 100)])
def test_mounted_apps_inherit_unless_they_set_their_own(
    client_for: ClientFor, outer: int, inner: int | None, allowed: int
) -> None:
    sub = FastAPI(max_body_size=inner)

    @sub.post("/x")
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    app = FastAPI(max_body_size=outer)
    app.mount("/sub", sub)
    client = client_for(app)
    assert client.post("/sub/x", content=b"x" * allowed, headers=TEXT).json() == allowed
    assert client.post("/sub/x", content=b"x" * (allowed + 1), headers=TEXT).status_code == 413


@pytest.mark.parametrize("content", [b"x" * 50, [b"x" * 25, b"x" * 25]])
def test_a_mounted_app_without_a_limit_answers_the_inherited_one(
    client_for: ClientFor, content: Any
) -> None:
    """A middleware of the mounted app reads past the outer app's limit: that app's
    own stack answers the 413 (as FastAPI), not its error middleware with a 500."""
    sub = FastAPI()
    sub.add_middleware(ReadsBody)

    @sub.post("/x")
    def x(b: Annotated[bytes, Body()] = b"") -> int:
        return len(b)

    app = FastAPI(max_body_size=10)
    app.mount("/sub", sub)
    client = client_for(app)
    assert client.post("/sub/x", content=b"x" * 10, headers=TEXT).json() == 10
    assert outcome(client.post("/sub/x", content=content, headers=TEXT)) == PLAIN_413


@pytest.mark.parametrize("mounted", [False, True])
def test_an_applications_own_413_in_a_group_is_not_the_limits(
    client_for: ClientFor, mounted: bool
) -> None:
    """Only the limit's own exceptions become its 413: an endpoint's ExceptionGroup
    holding an `HTTPException(413)` it raised itself propagates (FastAPI's)."""
    error = ExceptionGroup("application error", [HTTPException(413)])
    app = FastAPI(max_body_size=5)

    @app.post("/x")
    async def x() -> None:
        raise error

    outer = FastAPI(max_body_size=10)
    outer.mount("/sub", app)
    with pytest.raises(ExceptionGroup) as caught:
        client_for(outer if mounted else app).post("/sub/x" if mounted else "/x")
    assert caught.value is error


def test_a_limit_answered_at_the_response_start_inside_a_task_group(
    client_for: ClientFor, tmp_path: Path
) -> None:
    """A GET whose Content-Length is over its inclusion's limit: the limit answers 413
    when the response starts, also when that surfaces in a task group with the limit's
    other error (a frontend route's file response)."""
    (tmp_path / "index.html").write_text("hello")
    router = APIRouter()
    router.frontend("/", directory=tmp_path)
    app = FastAPI()
    app.include_router(router, prefix="/empty", max_body_size=0)
    app.include_router(router, prefix="/small", max_body_size=10)
    client = client_for(app)
    headers = {**TEXT, "content-length": "1"}
    response = client.request("GET", "/empty/index.html", content=b"x", headers=headers)
    assert response.status_code == 413
    response = client.request("GET", "/small/index.html", content=b"x", headers=headers)
    assert (response.status_code, response.text) == (200, "hello")


def fields_app(**app_options: Any) -> FastAPI:
    app = FastAPI(**app_options)

    def form_route(**route_options: Any) -> Callable[..., Any]:
        def endpoint(
            x: Annotated[list[str], Form()] = [],  # noqa: B006
            f: list[UploadFile] = [],  # noqa: B006
        ) -> dict[str, int]:
            return {"x": len(x), "f": len(f)}

        return endpoint

    app.post("/app")(form_route())
    app.post("/files-1", form_limits={"max_files": 1})(form_route())
    app.post("/part-0", form_limits={"max_part_size": 0})(form_route())

    @app.post("/manual", form_limits={"max_fields": 1})
    async def manual(request: Request) -> int:
        return len((await request.form()).multi_items())

    router = APIRouter(form_limits={"max_files": 3, "max_part_size": 5})
    router.post("/e", form_limits={"max_part_size": 10})(form_route())
    app.include_router(router, prefix="/r", form_limits={"max_fields": 5, "max_files": 0})
    return app


def detail(response: Any) -> tuple[int, Any]:
    return response.status_code, response.json()["detail"]


def test_form_limits_merge_key_by_key(client_for: ClientFor) -> None:
    client = client_for(fields_app(form_limits={"max_fields": 2}))
    three = {"x": ["1", "2", "3"]}
    assert detail(client.post("/app", data=three)) == (
        400,
        "Too many fields. Maximum number of fields is 2.",
    )
    assert client.post("/app", data={"x": ["1", "2"]}).json() == {"x": 2, "f": 0}
    # The route sets max_files and keeps the app's max_fields.
    assert detail(client.post("/files-1", data=three))[1].startswith("Too many fields")
    two_files = [("f", ("a", b"1")), ("f", ("b", b"1"))]
    assert detail(client.post("/files-1", files=two_files)) == (
        400,
        "Too many files. Maximum number of files is 1.",
    )
    assert detail(client.post("/part-0", data={"x": "1"})) == (
        400,
        "Field exceeded maximum size of 0KB.",
    )
    response = client.post("/part-0", data={"x": "1"}, files={"f": ("a", b"1")})
    assert detail(response) == (400, "Part exceeded maximum size of 0KB.")
    assert client.post("/part-0", files={"f": ("a", b"1")}).json() == {"x": 0, "f": 1}
    # Parsing by hand uses its own arguments.
    assert client.post("/manual", data=three).json() == 3
    # Router over inclusion over app: max_fields 5 (inclusion), max_files 3 (router),
    # max_part_size 10 (route).
    assert client.post("/r/e", data={"x": ["1"] * 5}).json() == {"x": 5, "f": 0}
    assert detail(client.post("/r/e", data={"x": ["1"] * 6}))[0] == 400
    assert client.post("/r/e", data={"x": "1" * 9}).json() == {"x": 1, "f": 0}
    assert detail(client.post("/r/e", data={"x": "1" * 10}))[0] == 400
    assert client.post("/r/e", files=[("f", ("a", b"1"))] * 3).json() == {"x": 0, "f": 3}


def test_starlette_defaults_apply_without_form_limits(client_for: ClientFor) -> None:
    client = client_for(fields_app())
    assert detail(client.post("/app", data={"x": ["1"] * 1001})) == (
        400,
        "Too many fields. Maximum number of fields is 1000.",
    )
    response = client.post("/app", data={"x": "1" * (1024 * 1024 + 1)}, files={"f": ("a", b"")})
    assert detail(response) == (400, "Part exceeded maximum size of 1024KB.")
    broken = {"content-type": "multipart/form-data; boundary=zz"}
    assert detail(client.post("/app", content=b"garbage", headers=broken)) == (
        400,
        "Invalid multipart data.",
    )


def test_mounted_apps_inherit_form_limits(client_for: ClientFor) -> None:
    app = FastAPI(form_limits={"max_fields": 1})
    app.mount("/inherit", fields_app())
    app.mount("/own", fields_app(form_limits={"max_fields": 3}))
    client = client_for(app)
    two, four = {"x": ["1", "2"]}, {"x": ["1"] * 4}
    assert detail(client.post("/inherit/app", data=two))[1].endswith("is 1.")
    assert client.post("/own/app", data=two).json() == {"x": 2, "f": 0}
    assert detail(client.post("/own/app", data=four))[1].endswith("is 3.")


class RecordedFile(tempfile.SpooledTemporaryFile):  # type: ignore[type-arg]
    made: ClassVar[list[tempfile.SpooledTemporaryFile]] = []  # type: ignore[type-arg]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        RecordedFile.made.append(self)


@pytest.fixture
def recorded_files(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    RecordedFile.made = []
    monkeypatch.setattr(starlette.formparsers, "SpooledTemporaryFile", RecordedFile)
    return RecordedFile.made


def test_a_rejected_upload_closes_its_temporary_files(
    backend: str, recorded_files: list[Any]
) -> None:
    app = FastAPI()

    @app.post("/up", max_body_size=2 * 1024 * 1024)
    async def up(f: UploadFile, g: UploadFile) -> None:
        raise AssertionError("not reached")  # pragma: no cover

    files = {"f": ("f.bin", b"x" * (1024 * 1024 + 10)), "g": ("g.bin", b"y" * 1_500_000)}
    request = TestClient(app).build_request("POST", "/up", files=files)
    raw = request.read()
    # Sent in chunks, without Content-Length: the limit is met while parsing the second file.
    chunks = iter([raw[i : i + 256 * 1024] for i in range(0, len(raw), 256 * 1024)])
    scope = http_scope("/up", [(b"content-type", request.headers["content-type"].encode())])
    sent = anyio.run(drive, app, scope, chunks, backend=backend)
    assert (sent[0]["status"], sent[1]["body"]) == (413, JSON_413[2])
    assert len(recorded_files) == 2
    assert recorded_files[0]._rolled  # the first file had gone to disk
    assert all(file.closed for file in recorded_files)


CHUNK = 64 * 1024
UPLOAD_MB = 50


def upload_chunks(boundary: bytes) -> Iterator[bytes]:
    yield b"--" + boundary + b'\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\n'
    yield b"Content-Type: application/octet-stream\r\n\r\n"
    block = bytes(range(256)) * (CHUNK // 256)
    for _ in range(UPLOAD_MB * 1024 * 1024 // CHUNK):
        yield block
    yield b"\r\n--" + boundary + b"--\r\n"


def expected_digest() -> str:
    digest = hashlib.sha256()
    block = bytes(range(256)) * (CHUNK // 256)
    for _ in range(UPLOAD_MB * 1024 * 1024 // CHUNK):
        digest.update(block)
    return digest.hexdigest()


@pytest.mark.anyio
async def test_a_50_mb_upload_keeps_memory_bounded() -> None:
    """The upload streams through the ASGI interface in 64 KiB chunks (a test client
    would hold the whole body), spooled to disk past 1 MiB."""
    app = FastAPI()

    @app.post("/big", max_body_size=60 * 1024 * 1024)
    async def big(f: UploadFile) -> dict[str, Any]:
        digest = hashlib.sha256()
        while chunk := await f.read(CHUNK):
            digest.update(chunk)
        on_disk = f.file._rolled  # type: ignore[attr-defined]
        return {"size": f.size, "sha256": digest.hexdigest(), "on_disk": on_disk}

    content_type = b"multipart/form-data; boundary=fastslimboundary"
    scope = http_scope("/big", [(b"content-type", content_type)])
    tracemalloc.start()
    try:
        sent = await drive(app, scope, upload_chunks(b"fastslimboundary"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sent[0]["status"] == 200
    assert json.loads(sent[1]["body"]) == {
        "size": UPLOAD_MB * 1024 * 1024,
        "sha256": expected_digest(),
        "on_disk": True,
    }
    print(f"peak traced memory of a {UPLOAD_MB} MiB upload: {peak / 1024 / 1024:.2f} MiB")
    assert peak < 8 * 1024 * 1024


def test_websockets_and_lifespan_are_not_limited(client_for: ClientFor) -> None:
    from starlette.websockets import WebSocket

    started: list[str] = []

    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        started.append("up")
        yield

    app = FastAPI(max_body_size=0, lifespan=asynccontextmanager(lifespan))

    @app.websocket("/ws")
    async def ws(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text(await websocket.receive_text())
        await websocket.close()

    with client_for(app) as client, client.websocket_connect("/ws") as session:
        session.send_text("x" * 1000)
        assert session.receive_text() == "x" * 1000
    assert started == ["up"]


@pytest.mark.anyio
async def test_limits_through_the_async_client() -> None:
    app = echo_app(max_body_size=10)

    async def chunks() -> AsyncIterator[bytes]:
        yield b"xxx"
        yield b"xxx"

    async with AsyncTestClient(app) as client:
        at_limit = await client.post("/app", content=b"x" * 10, headers=TEXT)
        over = await client.post("/r5", content=b"x" * 6, headers=TEXT)
        streamed = await client.post("/r5", content=chunks(), headers=TEXT)
    assert at_limit.json() == 10
    assert outcome(over) == PLAIN_413
    assert outcome(streamed) == JSON_413


async def count(request: Request) -> Response:
    return Response(str(len(await request.body())))


@pytest.mark.parametrize(("own", "inclusion"), [(None, 5), (5, None), (5, 50)])
def test_starlette_routes_mounts_and_frontends_of_an_included_router(
    client_for: ClientFor, tmp_path: Path, own: int | None, inclusion: int | None
) -> None:
    (tmp_path / "index.html").write_text("<p>spa</p>")
    router = APIRouter(max_body_size=own)
    router.add_route("/plain", count, methods=["POST"])
    router.mount("/sub", Starlette(routes=[Route("/x", count, methods=["POST"])]))
    router.frontend("/fe", directory=tmp_path)
    app = FastAPI()
    app.include_router(router, prefix="/r", max_body_size=inclusion)
    # A file response started before the limit replaced it: Starlette's error, as FastAPI.
    client = client_for(app, raise_server_exceptions=False)
    for method, path in (("POST", "/r/plain"), ("POST", "/r/sub/x"), ("GET", "/r/fe/")):
        assert client.request(method, path, content=b"x" * 5).status_code == 200
        assert client.request(method, path, content=b"x" * 6).status_code == 413
    # Not included: no limit of its own.
    app.include_router(APIRouter(routes=[Route("/plain", count, methods=["POST"])]), prefix="/free")
    assert client.post("/free/plain", content=b"x" * 60).text == "60"
