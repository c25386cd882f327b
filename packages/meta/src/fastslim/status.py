"""`fastslim.status`, as `fastapi.status`: Starlette's HTTP and WebSocket status codes."""

from typing import Any

from fastslim_routing import status as _status
from fastslim_routing.status import *  # noqa: F403

__all__ = _status.__all__


def __getattr__(name: str) -> Any:
    # The deprecated aliases (HTTP_422_UNPROCESSABLE_ENTITY, ...), which warn.
    return getattr(_status, name)
