"""`fastslim.status`, as `fastapi.status`: Starlette's HTTP and WebSocket status codes.

Every name of `starlette.status`; the deprecated aliases (`HTTP_422_UNPROCESSABLE_ENTITY`,
...) are forwarded to Starlette, which warns.
"""

from typing import Any

import starlette.status
from starlette.status import *  # noqa: F403

__all__ = tuple(starlette.status.__all__)


_DEPRECATED = frozenset(getattr(starlette.status, "__deprecated__", ()))


def __getattr__(name: str) -> Any:
    if name in _DEPRECATED:
        return getattr(starlette.status, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
