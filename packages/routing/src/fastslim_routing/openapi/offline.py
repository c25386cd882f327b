"""Docs pages that work offline (beyond FastAPI, opt-in): `/docs` and `/redoc` load
their JavaScript, CSS and favicon from the app itself instead of a CDN.

```
from fastslim.openapi.offline import serve_docs_offline

app = FastAPI()
serve_docs_offline(app)  # assets under /docs-assets
```

The assets come from the `docs-offline` extra: the `openapi-ui-bundles` package,
which ships Swagger UI 5 and ReDoc 2 builds (the majors FastAPI's pages use) as
plain files, with no dependency of its own (the decision, among the PyPI packages
that ship these builds: drf-spectacular-sidecar is current but declares Django;
swagger-ui-bundle-v2 is current but has no ReDoc and brings Jinja2; swagger-ui-bundle
ships Swagger UI 4; the fastapi-offline kind depend on FastAPI). Without the extra,
`serve_docs_offline` logs a warning on the `fastslim` logger and leaves the pages on
the CDN, so an app starts either way. Without the opt-in the pages are FastAPI's,
byte for byte. ReDoc's Google fonts are left out offline (ReDoc falls back to the
system fonts), and the one image ReDoc's bundle loads from its CDN (the "API docs by
Redocly" logo) is replaced by an empty inline image, so the page makes no request
outside the app.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from ..logger import logger

if TYPE_CHECKING:
    from ..applications import FastAPI

__all__ = ("OfflineDocs", "docs_assets_directory", "serve_docs_offline")

_ASSETS_PACKAGE = "openapi_ui_bundles"
_SWAGGER_UI_FILES = "swagger_ui/vendor"
_REDOC_FILE = "redoc/vendor/redoc.standalone.js"
_REDOC_BUNDLE = "redoc/bundles/redoc.standalone.js"
"""Where the app serves ReDoc's bundle, below the assets' path."""
_REDOC_CDN_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
_EMPTY_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@dataclass(frozen=True)
class OfflineDocs:
    """Where an app serves its docs assets: `path`, the mount path (e.g. `/docs-assets`)."""

    path: str

    def swagger_ui(self, root_path: str) -> dict[str, Any]:
        """The asset arguments of `get_swagger_ui_html`, below `root_path`."""
        base = f"{root_path}{self.path}/swagger-ui-dist"
        return {
            "swagger_js_url": f"{base}/swagger-ui-bundle.js",
            "swagger_css_url": f"{base}/swagger-ui.css",
            "swagger_favicon_url": f"{base}/favicon-32x32.png",
        }

    def redoc(self, root_path: str) -> dict[str, Any]:
        """The asset arguments of `get_redoc_html`, below `root_path`."""
        base = f"{root_path}{self.path}"
        return {
            "redoc_js_url": f"{base}/{_REDOC_BUNDLE}",
            "redoc_favicon_url": f"{base}/swagger-ui-dist/favicon-32x32.png",
            "with_google_fonts": False,
        }


def docs_assets_directory() -> Path:
    """The folder of the assets package, holding `swagger_ui/vendor/` and
    `redoc/vendor/` (found without importing the package). Raises `ImportError` naming
    the extra when it is not installed."""
    spec = importlib.util.find_spec(_ASSETS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "Offline docs need the Swagger UI and ReDoc assets of the 'docs-offline' extra: "
            "pip install 'fastslim[docs-offline]' (it installs openapi-ui-bundles)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def serve_docs_offline(app: FastAPI, *, path: str = "/docs-assets") -> bool:
    """Serve the docs assets at `path` (Swagger UI's files at `{path}/swagger-ui-dist/`,
    ReDoc's bundle at `{path}/redoc/bundles/redoc.standalone.js`; not in the OpenAPI
    document) and make the app's `/docs` and `/redoc` pages load them from there.

    Returns whether it did: without the `docs-offline` extra it logs a warning on the
    `fastslim` logger naming the extra, and the pages keep loading their assets from
    the CDN, as FastAPI's. Raises `ValueError` for a `path` that does not start with
    `/` or ends with one."""
    if not path.startswith("/") or path.endswith("/"):
        raise ValueError(f"path must start with '/' and not end with one, got {path!r}")
    try:
        directory = docs_assets_directory()
    except ImportError as error:
        logger.warning("%s The docs pages load their assets from the CDN.", error)
        return False
    bundle = (directory / _REDOC_FILE).read_bytes().replace(_REDOC_CDN_LOGO, _EMPTY_IMAGE)

    async def redoc_bundle(request: Request) -> Response:
        return Response(bundle, media_type="text/javascript; charset=utf-8")

    swagger_ui = StaticFiles(directory=directory / _SWAGGER_UI_FILES)
    app.add_route(f"{path}/{_REDOC_BUNDLE}", redoc_bundle, include_in_schema=False)
    app.mount(f"{path}/swagger-ui-dist", swagger_ui, name="docs-assets")
    app.state.offline_docs = OfflineDocs(path)
    return True
