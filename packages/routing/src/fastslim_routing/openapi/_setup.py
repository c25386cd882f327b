"""The app's document and docs pages: `app.openapi()` and the routes FastAPI adds.

`setup(app)` adds, when `openapi_url` is set, the document route and the Swagger
UI, OAuth2 redirect and ReDoc pages (plain routes, not in the document), as
FastAPI does when an app is created. The modules building the document and the
pages are imported on first use, so `import fastslim` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

if TYPE_CHECKING:
    from ..applications import FastAPI


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The app's document, built once and kept in `app.openapi_schema`."""
    from .._routes._route_list import generation

    built = getattr(app, "_fastslim_openapi_built", None)
    if built is not None and built[1] is app.openapi_schema and built[0] != generation():
        app.openapi_schema = None  # routes changed since: FastAPI refreshes too
    if app.openapi_schema is None:
        from .utils import get_openapi

        app.openapi_schema = get_openapi(
            title=app.title,
            version=app.version,
            openapi_version=app.openapi_version,
            summary=app.summary,
            description=app.description,
            terms_of_service=app.terms_of_service,
            contact=app.contact,
            license_info=app.license_info,
            routes=app.routes,
            webhooks=app.webhooks.routes,
            tags=app.openapi_tags,
            servers=app.servers,
            separate_input_output_schemas=app.separate_input_output_schemas,
            external_docs=app.openapi_external_docs,
        )
        app._fastslim_openapi_built = (generation(), app.openapi_schema)  # type: ignore[attr-defined]
    return app.openapi_schema


def _root_path(request: Request) -> str:
    root_path: str = request.scope.get("root_path", "")
    return root_path.rstrip("/")


def _offline_assets(app: FastAPI, page: str, root_path: str) -> dict[str, Any]:
    """The asset URLs of `page` when the app serves its docs offline (opt-in,
    `fastslim_routing.openapi.offline`); none otherwise (FastAPI's CDN pages)."""
    offline = getattr(app.state, "offline_docs", None)
    if offline is None:
        return {}
    urls: dict[str, Any] = getattr(offline, page)(root_path)
    return urls


def setup(app: FastAPI) -> None:
    """Add the document and docs routes of `app` (nothing when `openapi_url` is None)."""
    openapi_url = app.openapi_url
    if not openapi_url:
        return

    async def openapi(request: Request) -> JSONResponse:
        root_path = _root_path(request)
        schema = app.openapi()
        if root_path and app.root_path_in_servers:
            servers = schema.get("servers", [])
            if root_path not in {server.get("url") for server in servers}:
                # Per request: the cached document keeps its own servers.
                schema = dict(schema)
                schema["servers"] = [{"url": root_path}, *servers]
        return JSONResponse(schema)

    app.add_route(openapi_url, openapi, include_in_schema=False)
    if app.docs_url:

        async def swagger_ui_html(request: Request) -> HTMLResponse:
            from .docs import get_swagger_ui_html

            root_path = _root_path(request)
            redirect_url = app.swagger_ui_oauth2_redirect_url
            return get_swagger_ui_html(
                openapi_url=root_path + openapi_url,
                title=f"{app.title} - Swagger UI",
                oauth2_redirect_url=root_path + redirect_url if redirect_url else None,
                init_oauth=app.swagger_ui_init_oauth,
                swagger_ui_parameters=app.swagger_ui_parameters,
                **_offline_assets(app, "swagger_ui", root_path),
            )

        app.add_route(app.docs_url, swagger_ui_html, include_in_schema=False)
        if app.swagger_ui_oauth2_redirect_url:

            async def swagger_ui_redirect(request: Request) -> HTMLResponse:
                from .docs import get_swagger_ui_oauth2_redirect_html

                return get_swagger_ui_oauth2_redirect_html()

            app.add_route(
                app.swagger_ui_oauth2_redirect_url, swagger_ui_redirect, include_in_schema=False
            )
    if app.redoc_url:

        async def redoc_html(request: Request) -> HTMLResponse:
            from .docs import get_redoc_html

            root_path = _root_path(request)
            return get_redoc_html(
                openapi_url=root_path + openapi_url,
                title=f"{app.title} - ReDoc",
                **_offline_assets(app, "redoc", root_path),
            )

        app.add_route(app.redoc_url, redoc_html, include_in_schema=False)
