"""`FrontendRoute`: a frontend build served under its full prefix (see `_frontend`).

The serving router asks it only when no route, mount or slash redirect answered a
path, the longest prefix first. GET and HEAD requests solve the dependencies and
get the file, a directory's `index.html` (after a redirect to the slash URL), or
the fallback: `404.html` with status 404, or `index.html` for a client that
explicitly accepts HTML. Other methods get 405 for an existing file, else 404.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import anyio.to_thread
from starlette._utils import get_route_path
from starlette.datastructures import URL
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Match
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from fastslim_di import Depends

from .._compile._compiler import compile_route
from .._serve._body_limit import serve_limited
from .._serve._compiled import RouteSettings
from .._serve._handler import container_of, serve
from .._telemetry._state import TELEMETRY

__all__ = ("FrontendRoute", "accepts_html", "by_prefix", "missing_fallback", "serving_frontend")

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def accepts_html(accept: str | None) -> bool:
    """Whether an Accept header explicitly accepts HTML (`text/html` or
    `application/xhtml+xml` with q > 0; `*/*` does not count)."""
    for media_range in (accept or "").split(","):
        kind, *params = media_range.split(";")
        if kind.strip().lower() not in _HTML_TYPES:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        if quality > 0:
            return True
    return False


def missing_fallback(directory: str | os.PathLike[str], fallback: str) -> RuntimeError:
    """The error for an explicit fallback file that the build does not have."""
    return RuntimeError(
        f"Frontend fallback file '{fallback}' does not exist in directory "
        f"'{os.fspath(directory)}'. Resolved absolute directory: '{Path(directory).resolve()}'"
    )


class FrontendBuild(Protocol):
    """What serving reads of a declared `Frontend` (`_frontend`)."""

    @property
    def directory(self) -> str | os.PathLike[str]: ...
    @property
    def fallback(self) -> str | None: ...


class FrontendRoute(BaseRoute):
    """A `Frontend` served at its full `prefix` (never matched by ordinary dispatch:
    the router asks it last, through `serving_frontend`)."""

    def __init__(self, frontend: FrontendBuild, path: str, dependencies: Sequence[Depends]) -> None:
        self.frontend = frontend
        self.max_body_size: int | None = None
        self.prefix = path.rstrip("/")
        self.path = self.prefix or "/"
        self.files = StaticFiles(directory=frontend.directory, check_dir=False)
        self.compiled = compile_route(
            RouteSettings(
                path=self.path,
                endpoint=self.endpoint,
                methods=frozenset({"GET", "HEAD"}),
                name="frontend",
                dependencies=tuple(dependencies),
                response_model=None,
            )
        )

    def covers(self, route_path: str) -> bool:
        """Whether `route_path` is the prefix or below it."""
        prefix = self.prefix
        return not prefix or route_path == prefix or route_path.startswith(prefix + "/")

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        return Match.NONE, {}

    def _relative(self, scope: Scope) -> str:
        relative = get_route_path(scope)[len(self.prefix) :]
        return os.path.normpath(os.path.join("", *relative.split("/")))

    async def _lookup(self, path: str) -> tuple[str, os.stat_result | None]:
        """As StaticFiles: a path that cannot name a file (a null byte, too long a name)
        is a plain 404, without the fallback; an unreadable one a 401."""
        try:
            return await anyio.to_thread.run_sync(self.files.lookup_path, path)
        except PermissionError:
            raise HTTPException(status_code=401) from None
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise HTTPException(status_code=404) from None
            raise
        except ValueError:
            raise HTTPException(status_code=404) from None

    async def _file(self, path: str) -> tuple[str, os.stat_result] | None:
        full_path, found = await self._lookup(path)
        if found is not None and stat.S_ISREG(found.st_mode):
            return full_path, found
        return None

    async def _target(self, path: str) -> tuple[str, os.stat_result, bool] | None:
        """The file for `path` (a directory's index.html), and whether it is an index."""
        full_path, found = await self._lookup(path)
        if found is not None and stat.S_ISREG(found.st_mode):
            return full_path, found, False
        if found is not None and stat.S_ISDIR(found.st_mode):
            index = await self._file(os.path.join(path, "index.html"))
            if index is not None:
                return (*index, True)
        return None

    async def endpoint(self, request: Request) -> Response:
        """The response to a GET or HEAD (after the dependencies were solved)."""
        scope = request.scope
        target = await self._target(self._relative(scope))
        if target is not None:
            full_path, found, is_index = target
            if is_index and not scope["path"].endswith("/"):
                url = URL(scope=scope)
                return RedirectResponse(url=url.replace(path=url.path + "/"))
            return self.files.file_response(full_path, found, scope)
        return await self._fallback(request)

    async def _fallback(self, request: Request) -> Response:
        fallback = self.frontend.fallback
        page_404 = await self._file("404.html") if fallback in ("auto", "404.html") else None
        if page_404 is not None:
            return FileResponse(page_404[0], stat_result=page_404[1], status_code=404)
        if fallback == "404.html":
            raise missing_fallback(self.frontend.directory, fallback)
        if fallback in ("auto", "index.html") and accepts_html(request.headers.get("accept")):
            index = await self._file("index.html")
            if index is not None:
                return self.files.file_response(index[0], index[1], request.scope)
            if fallback == "index.html":
                raise missing_fallback(self.frontend.directory, fallback)
        raise HTTPException(status_code=404)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.max_body_size is not None:
            await serve_limited(self.max_body_size, self._handle, scope, receive, send)
        else:
            await self._handle(scope, receive, send)

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        telemetry = scope.get(TELEMETRY)
        if telemetry is not None:
            telemetry.serve_frontend(scope, self.prefix)
        if not self.files.config_checked:
            await self.files.check_config()  # a missing directory: RuntimeError
            self.files.config_checked = True
        if scope["method"] not in ("GET", "HEAD"):
            exists = await self._target(self._relative(scope)) is not None
            raise HTTPException(status_code=405 if exists else 404)
        await serve(self.compiled, container_of(scope), scope, receive, send)

    def __repr__(self) -> str:
        return f"FrontendRoute(path={self.path!r}, directory={self.frontend.directory!r})"


def serving_frontend(frontends: Sequence[FrontendRoute], route_path: str) -> FrontendRoute | None:
    """The frontend that serves `route_path`: the one with the longest prefix covering it
    (`frontends` sorted longest prefix first), or None."""
    for frontend in frontends:
        if frontend.covers(route_path):
            return frontend
    return None


def by_prefix(routes: Sequence[BaseRoute]) -> list[FrontendRoute]:
    """The frontends among `routes`, longest prefix first (declaration order on ties)."""
    found = [route for route in routes if isinstance(route, FrontendRoute)]
    return sorted(found, key=lambda route: -len(route.prefix))
