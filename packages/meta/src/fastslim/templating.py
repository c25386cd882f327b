"""`fastslim.templating`, as `fastapi.templating`: Starlette's `Jinja2Templates`.

Needs jinja2 (the `templates` extra); as with FastAPI, importing this module
without it fails, with a `ModuleNotFoundError` that names the package to install.
"""

from fastslim_routing.templating import load_jinja2_templates

Jinja2Templates = load_jinja2_templates()

__all__ = ("Jinja2Templates",)
