"""`fastslim.applications`, as `fastapi.applications`: the `FastAPI` class."""

from fastslim_routing.applications import FastAPI as FastAPI

__all__ = ("FastAPI",)
