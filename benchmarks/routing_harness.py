"""In-process ASGI driving for the routing benchmark (no server, no HTTP client).

`load_app` executes one of the `routing_apps` files as a fresh module, rewritten
for fastslim or not; `Request` builds the ASGI scope of one request; `send_request`
serves it and returns the whole response; `time_batch` serves it many times and
returns the seconds taken; `lifespan` runs the app's lifespan around the benchmark,
as a server does.
"""

from __future__ import annotations

import linecache
import re
import sys
import time
import types
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio

Message = MutableMapping[str, Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

APPS_DIR = Path(__file__).parent / "routing_apps"


@dataclass(frozen=True)
class Side:
    """One framework under test: a label and whether `fastapi` is rewritten to `fastslim`.

    A peer (a framework with an API of its own, such as Litestar) has its own twins
    of the apps in `routing_apps/<variant>/`; `status` gives the statuses it answers
    where they differ from FastAPI's, by scenario name.
    """

    label: str
    rewrite: bool
    variant: str | None = None
    status: tuple[tuple[str, int], ...] = ()

    def path(self, app_file: str) -> Path:
        """The source file of app `app_file` for this side."""
        folder = APPS_DIR if self.variant is None else APPS_DIR / self.variant
        return folder / f"{app_file}.py"

    def has(self, app_file: str) -> bool:
        """Whether this side has a twin of app `app_file`."""
        return self.path(app_file).is_file()

    def expected(self, name: str, status: int) -> int:
        """The status this side answers scenario `name` with (FastAPI's: `status`)."""
        return dict(self.status).get(name, status)


def load_app(app_file: str, side: Side) -> tuple[ASGIApp, types.ModuleType]:
    """Execute `routing_apps/<app_file>.py` as a fresh module for `side`.

    Returns the module's `app` and the module. Raises whatever executing the source
    raises (an ImportError when the framework lacks a name the app uses).
    """
    path = side.path(app_file)
    source = path.read_text(encoding="utf-8")
    if side.rewrite:
        source = re.sub(r"\bfastapi\b", "fastslim", source)
    label = re.sub(r"\W", "_", side.label)
    module_name = f"routing_apps_{label}_{app_file}"
    filename = f"{path} (as {side.label})" if side.rewrite else str(path)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    module = types.ModuleType(module_name)
    module.__file__ = str(path)
    sys.modules[module_name] = module  # pydantic resolves annotations through it
    exec(compile(source, filename, "exec"), module.__dict__)
    app: ASGIApp = module.app
    return app, module


@dataclass(frozen=True)
class Request:
    """One HTTP request; `query` is the raw query string, header names any case."""

    method: str
    path: str
    query: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    def scope(self) -> Scope:
        """The ASGI HTTP scope a server would build; copy it for each request."""
        headers = [(b"host", b"testserver")]
        headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers]
        if self.body:
            headers.append((b"content-length", str(len(self.body)).encode("ascii")))
        return {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.4"},
            "http_version": "1.1",
            "method": self.method,
            "scheme": "http",
            "path": self.path,
            "raw_path": self.path.encode("utf-8"),
            "query_string": self.query.encode("latin-1"),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 51000),
            "server": ("testserver", 80),
        }


@dataclass
class Response:
    """What the app sent: status, raw headers and the body bytes joined."""

    status: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: bytes) -> bytes | None:
        """The first value of header `name` (lower case), or None."""
        return next((value for key, value in self.headers if key.lower() == name), None)


class _Exchange:
    """The server side of one request: `receive` gives the body once, then waits
    until the response is complete and reports a disconnect; `send` records."""

    __slots__ = ("_body", "_chunks", "_delivered", "_done", "_finished", "headers", "status")

    def __init__(self, body: bytes) -> None:
        self._body = body
        self._delivered = False
        self._finished = False
        self._done: anyio.Event | None = None
        self._chunks: list[bytes] = []
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []

    async def receive(self) -> Message:
        if not self._delivered:
            self._delivered = True
            return {"type": "http.request", "body": self._body, "more_body": False}
        if not self._finished:
            if self._done is None:
                self._done = anyio.Event()
            await self._done.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            self.status = message["status"]
            self.headers = list(message.get("headers", ()))
        elif kind == "http.response.body":
            self._chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                self._finished = True
                if self._done is not None:
                    self._done.set()

    def response(self) -> Response:
        return Response(self.status, self.headers, b"".join(self._chunks))


async def send_request(app: ASGIApp, request: Request) -> Response:
    """Serve `request` once; raises TimeoutError if the app takes over 10 s."""
    exchange = _Exchange(request.body)
    with anyio.fail_after(10):
        await app(request.scope(), exchange.receive, exchange.send)
    return exchange.response()


async def time_batch(
    app: ASGIApp, request: Request, count: int, status: int
) -> tuple[float, float]:
    """Serve `request` `count` times in a row; returns the seconds taken by the wall
    clock and the process's CPU time (worker threads included).

    Raises RuntimeError, after the batch, if any response had a status other
    than `status`.
    """
    template = request.scope()
    body = request.body
    wrong = 0
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        exchange = _Exchange(body)
        await app(dict(template), exchange.receive, exchange.send)
        if exchange.status != status:
            wrong += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    if wrong:
        raise RuntimeError(f"{wrong} of {count} responses had a status other than {status}.")
    return elapsed, cpu


@asynccontextmanager
async def lifespan(app: ASGIApp) -> AsyncIterator[None]:
    """Run the app's lifespan startup before the block and its shutdown after.

    Raises RuntimeError if the app reports a startup or shutdown failure.
    """
    phase = {"startup": anyio.Event(), "shutdown": anyio.Event(), "stop": anyio.Event()}
    failures: list[str] = []
    sent_startup = False

    async def receive() -> Message:
        nonlocal sent_startup
        if not sent_startup:
            sent_startup = True
            return {"type": "lifespan.startup"}
        await phase["stop"].wait()
        return {"type": "lifespan.shutdown"}

    async def send(message: Message) -> None:
        step, _, outcome = message["type"].removeprefix("lifespan.").partition(".")
        if outcome == "failed":
            failures.append(f"lifespan {step} failed: {message.get('message', '')!r}")
        phase[step].set()

    async def run() -> None:
        scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}}
        await app(scope, receive, send)
        phase["startup"].set()  # an app that ignores the lifespan returns at once
        phase["shutdown"].set()

    async with anyio.create_task_group() as group:
        group.start_soon(run)
        await phase["startup"].wait()
        if failures:
            raise RuntimeError(failures[0])
        try:
            yield
        finally:
            phase["stop"].set()
            await phase["shutdown"].wait()
    if failures:
        raise RuntimeError(failures[0])
