"""`fastslim.staticfiles`, as `fastapi.staticfiles`: Starlette's `StaticFiles`."""

from fastslim_routing.staticfiles import StaticFiles as StaticFiles

__all__ = ("StaticFiles",)
