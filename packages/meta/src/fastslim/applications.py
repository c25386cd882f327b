"""`fastslim.applications`, as `fastapi.applications`: the `FastAPI` class."""

from fastslim_routing.applications import FastAPI as FastAPI
from fastslim_routing.types import AppType as AppType

__all__ = ("AppType", "FastAPI")
