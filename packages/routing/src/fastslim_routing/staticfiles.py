"""`fastslim.staticfiles`, as `fastapi.staticfiles`: Starlette's `StaticFiles`.

Mount it to serve a directory: `app.mount("/static", StaticFiles(directory="static"),
name="static")`; `html=True` serves `index.html` for directories and `404.html` for
missing files.
"""

from starlette.staticfiles import StaticFiles as StaticFiles

__all__ = ("StaticFiles",)
