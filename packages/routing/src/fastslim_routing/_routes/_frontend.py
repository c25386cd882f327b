"""`app.frontend(...)` / `router.frontend(...)`: a single-page app build served below
every route (FastAPI 0.138+).

A `Frontend` is declared on a router (its prefix and dependencies baked in, as a
route's are, and checked now: the path, the fallback, the directory); the serving
router turns each, under its inclusions, into a `FrontendRoute` (`_frontend_route`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from fastslim_di import Depends

from ._frontend_route import FrontendRoute, missing_fallback
from ._route_list import bump

__all__ = ("Frontend", "FrontendDecorators")

Fallback = Literal["auto", "index.html", "404.html"] | None
_FALLBACKS = ("auto", "index.html", "404.html", None)
DEV_ENV = "FASTAPI_ENV"
"""As FastAPI: `check_dir="auto"` only warns when this variable is "development"."""


def _check(directory: str | os.PathLike[str], fallback: Fallback, check_dir: Any) -> None:
    if check_dir is False:
        return
    resolved = Path(directory).resolve()
    if not resolved.is_dir():
        message = (
            f"Frontend directory '{os.fspath(directory)}' does not exist. "
            f"Resolved absolute path: '{resolved}'"
        )
        if check_dir == "auto" and os.environ.get(DEV_ENV) == "development":
            warnings.warn(message, UserWarning, stacklevel=4)
            return
        raise RuntimeError(message)
    if fallback in ("index.html", "404.html") and not (resolved / fallback).is_file():
        raise missing_fallback(directory, fallback)


class Frontend:
    """A frontend as declared on a router: `path` (router prefix included), the build
    `directory`, the `fallback` and the router's `dependencies` at declaration.

    Raises `AssertionError` for a path not starting with "/" or an unknown fallback,
    `RuntimeError` for a missing directory or fallback file (see `check_dir`).
    """

    def __init__(
        self,
        path: str,
        *,
        directory: str | os.PathLike[str],
        fallback: Fallback = "auto",
        check_dir: bool | Literal["auto"] = "auto",
        dependencies: Sequence[Depends] = (),
    ) -> None:
        if not path.startswith("/"):
            raise AssertionError("A frontend path must start with '/'")
        if fallback not in _FALLBACKS:
            raise AssertionError("fallback must be 'auto', 'index.html', '404.html', or None")
        _check(directory, fallback, check_dir)
        self.path = path
        self.directory = directory
        self.fallback = fallback
        self.dependencies = list(dependencies)

    def under(
        self, prefix: str, dependencies: Sequence[Depends], max_body_size: int | None = None
    ) -> FrontendRoute:
        """The frontend as served under inclusions adding `prefix` and `dependencies`
        (and the inclusions' body limit, if any)."""
        route = FrontendRoute(self, prefix + self.path, [*dependencies, *self.dependencies])
        route.max_body_size = max_body_size
        return route


class FrontendDecorators:
    """Mixin of `APIRouter`: `router.frontend(...)`; the frontends declared on the router
    (not in `routes`, as in FastAPI)."""

    prefix: str
    dependencies: list[Any]
    _declared_frontends: list[Frontend]

    def frontend(
        self,
        path: str,
        *,
        directory: str | os.PathLike[str],
        fallback: Fallback = "auto",
        check_dir: bool | Literal["auto"] = "auto",
    ) -> None:
        """Serve the single-page app build in `directory` at the router's prefix + `path`,
        below every route (FastAPI docs: Frontend).

        `fallback` for a missing path: "auto" (`404.html` with status 404 if the build
        has one, else `index.html` for clients accepting HTML), "index.html",
        "404.html" or None (a JSON 404). `check_dir`: check now that the directory
        (and an explicit fallback file) exists; "auto" only warns when the
        `FASTAPI_ENV` environment variable is "development". Raises `AssertionError`
        or `RuntimeError` as `Frontend` does.
        """
        declared = Frontend(
            self.prefix + path,
            directory=directory,
            fallback=fallback,
            check_dir=check_dir,
            dependencies=self.dependencies,
        )
        found: list[Frontend] | None = getattr(self, "_declared_frontends", None)
        if found is None:
            found = self._declared_frontends = []
        found.append(declared)
        bump()
