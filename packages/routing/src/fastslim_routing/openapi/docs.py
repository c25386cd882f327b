"""`fastslim.openapi.docs`, as `fastapi.openapi.docs`: the Swagger UI and ReDoc pages.

The pages are FastAPI 0.165's, byte for byte, for ordinary values. Unlike
FastAPI, every value that reaches the HTML is escaped for where it lands: the
title and asset URLs as HTML text/attributes, the OpenAPI and redirect URLs as
JavaScript strings, the Swagger UI parameters and `init_oauth` as JSON with
`<`, `>` and `&` escaped (as FastAPI does for those two).
"""

from __future__ import annotations

import html
import json
from typing import Any

from starlette.responses import HTMLResponse

from ..encoders import jsonable_encoder
from ._redirect import get_swagger_ui_oauth2_redirect_html as get_swagger_ui_oauth2_redirect_html

__all__ = (
    "get_redoc_html",
    "get_swagger_ui_html",
    "get_swagger_ui_oauth2_redirect_html",
    "swagger_ui_default_parameters",
)

swagger_ui_default_parameters: dict[str, Any] = {
    "dom_id": "#swagger-ui",
    "layout": "BaseLayout",
    "deepLinking": True,
    "showExtensions": True,
    "showCommonExtensions": True,
}


def _json(value: Any) -> str:
    """JSON safe inside a `<script>` element."""
    text = json.dumps(jsonable_encoder(value))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _js_string(value: str) -> str:
    """The inside of a single-quoted JavaScript string, safe inside `<script>`."""
    text = json.dumps(value)[1:-1].replace("'", "\\'")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def get_swagger_ui_html(
    *,
    openapi_url: str,
    title: str,
    swagger_js_url: str = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js",
    swagger_css_url: str = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css",
    swagger_favicon_url: str = "https://fastapi.tiangolo.com/img/favicon.png",
    oauth2_redirect_url: str | None = None,
    init_oauth: dict[str, Any] | None = None,
    swagger_ui_parameters: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The Swagger UI page for the document at `openapi_url` (an `HTMLResponse`).

    `swagger_ui_parameters` update `swagger_ui_default_parameters`;
    `init_oauth` is passed to `ui.initOAuth(...)`; the asset URLs allow
    self-hosting (FastAPI docs: Custom Docs UI Static Assets).
    """
    parameters = {**swagger_ui_default_parameters, **(swagger_ui_parameters or {})}
    page = f"""
    <!DOCTYPE html>
    <html>
    <head>
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link type="text/css" rel="stylesheet" href="{_attr(swagger_css_url)}">
    <link rel="shortcut icon" href="{_attr(swagger_favicon_url)}">
    <title>{html.escape(title)}</title>
    </head>
    <body>
    <div id="swagger-ui">
    </div>
    <script src="{_attr(swagger_js_url)}"></script>
    <!-- `SwaggerUIBundle` is now available on the page -->
    <script>
    const ui = SwaggerUIBundle({{
        url: '{_js_string(openapi_url)}',
    """
    for key, value in parameters.items():
        page += f"{_json(key)}: {_json(value)},\n"
    if oauth2_redirect_url:
        page += f"oauth2RedirectUrl: window.location.origin + '{_js_string(oauth2_redirect_url)}',"
    page += """
    presets: [
        SwaggerUIBundle.presets.apis,
        SwaggerUIBundle.SwaggerUIStandalonePreset
        ],
    })"""
    if init_oauth:
        page += f"""
        ui.initOAuth({_json(init_oauth)})
        """
    page += """
    </script>
    </body>
    </html>
    """
    return HTMLResponse(page)


def get_redoc_html(
    *,
    openapi_url: str,
    title: str,
    redoc_js_url: str = "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js",
    redoc_favicon_url: str = "https://fastapi.tiangolo.com/img/favicon.png",
    with_google_fonts: bool = True,
) -> HTMLResponse:
    """The ReDoc page for the document at `openapi_url` (an `HTMLResponse`)."""
    page = f"""
    <!DOCTYPE html>
    <html>
    <head>
    <title>{html.escape(title)}</title>
    <!-- needed for adaptive design -->
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    """
    if with_google_fonts:
        page += """
    <link href="https://fonts.googleapis.com/css?family=Montserrat:300,400,700|Roboto:300,400,700" rel="stylesheet">
    """  # noqa: E501
    page += f"""
    <link rel="shortcut icon" href="{_attr(redoc_favicon_url)}">
    <!--
    ReDoc doesn't change outer page styles
    -->
    <style>
      body {{
        margin: 0;
        padding: 0;
      }}
    </style>
    </head>
    <body>
    <noscript>
        ReDoc requires Javascript to function. Please enable it to browse the documentation.
    </noscript>
    <redoc spec-url="{_attr(openapi_url)}"></redoc>
    <script src="{_attr(redoc_js_url)}"> </script>
    </body>
    </html>
    """
    return HTMLResponse(page)
