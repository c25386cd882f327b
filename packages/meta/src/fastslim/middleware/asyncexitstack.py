"""`fastslim.middleware.asyncexitstack`, as `fastapi.middleware.asyncexitstack`."""

from contextlib import AsyncExitStack as AsyncExitStack

from starlette.types import ASGIApp as ASGIApp
from starlette.types import Receive as Receive
from starlette.types import Scope as Scope
from starlette.types import Send as Send

from fastslim_routing.asyncexitstack import AsyncExitStackMiddleware as AsyncExitStackMiddleware

__all__ = ("AsyncExitStackMiddleware",)
