"""`fastslim.openapi.docs`, as `fastapi.openapi.docs`."""

from starlette.responses import HTMLResponse as HTMLResponse

from fastslim.encoders import jsonable_encoder as jsonable_encoder
from fastslim_routing.openapi.docs import get_redoc_html as get_redoc_html
from fastslim_routing.openapi.docs import get_swagger_ui_html as get_swagger_ui_html
from fastslim_routing.openapi.docs import (
    get_swagger_ui_oauth2_redirect_html as get_swagger_ui_oauth2_redirect_html,
)
from fastslim_routing.openapi.docs import (
    swagger_ui_default_parameters as swagger_ui_default_parameters,
)

__all__ = (
    "get_redoc_html",
    "get_swagger_ui_html",
    "get_swagger_ui_oauth2_redirect_html",
    "swagger_ui_default_parameters",
)
