"""Logging yield dependencies and raw ASGI scopes for the cancellation tests.

Shared by tests/test_cancel_*.py (fastslim) and tests/compat/test_cancel_against_fastapi.py
(both frameworks): it imports neither framework.
"""

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import anyio

__all__ = ("Log", "Message", "asgi_scope", "async_dep", "kind", "sync_dep")

Log = list[str]
Message = dict[str, Any]


def kind(exc: BaseException) -> str:
    """ "cancellation" for asyncio's and trio's cancellation, "group[A,B]" for an
    exception group of A and B, else the exception's class name."""
    name = type(exc).__name__
    if name in ("CancelledError", "Cancelled"):
        return "cancellation"
    if isinstance(exc, BaseExceptionGroup):
        return "group[" + ",".join(sorted(kind(e) for e in exc.exceptions)) + "]"
    return name


def async_dep(
    log: Log, name: str, pause: float = 0.01, enter_pause: float = 0
) -> Callable[[], AsyncIterator[str]]:
    """An async yield dependency logging "enter NAME", what it sees at its `yield`
    ("NAME sees KIND"), and whether its awaiting cleanup (`pause` s) was interrupted
    ("NAME interrupted by KIND") or finished ("NAME done")."""

    async def dependency() -> AsyncIterator[str]:
        log.append(f"enter {name}")
        if enter_pause:
            await anyio.sleep(enter_pause)
        try:
            yield name
        except BaseException as exc:
            log.append(f"{name} sees {kind(exc)}")
            raise
        finally:
            try:
                await anyio.sleep(pause)
            except BaseException as exc:
                log.append(f"{name} interrupted by {kind(exc)}")
                raise
            log.append(f"{name} done")

    dependency.__name__ = name
    return dependency


def sync_dep(log: Log, name: str) -> Callable[[], Iterator[str]]:
    """A sync yield dependency logging as `async_dep` does (its cleanup does not wait)."""

    def dependency() -> Iterator[str]:
        log.append(f"enter {name}")
        try:
            yield name
        except BaseException as exc:
            log.append(f"{name} sees {kind(exc)}")
            raise
        finally:
            log.append(f"{name} done")

    dependency.__name__ = name
    return dependency


def asgi_scope(
    scope_type: str, path: str, headers: list[tuple[bytes, bytes]] | None = None
) -> dict[str, Any]:
    """A GET "http" or a "websocket" ASGI scope for `path` (ASGI 3.0, spec 2.0)."""
    scope: dict[str, Any] = {
        "type": scope_type,
        "asgi": {"version": "3.0", "spec_version": "2.0"},
        "http_version": "1.1",
        "scheme": "http" if scope_type == "http" else "ws",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers or [],
        "server": ("test", 80),
        "client": ("test", 1),
    }
    if scope_type == "http":
        scope["method"] = "GET"
    else:
        scope["subprotocols"] = []
    return scope
