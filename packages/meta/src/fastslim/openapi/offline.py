"""`fastslim.openapi.offline` (beyond FastAPI): `/docs` and `/redoc` with their assets
served by the app itself; needs the `docs-offline` extra."""

from fastslim_routing.openapi.offline import OfflineDocs as OfflineDocs
from fastslim_routing.openapi.offline import docs_assets_directory as docs_assets_directory
from fastslim_routing.openapi.offline import serve_docs_offline as serve_docs_offline

__all__ = ("OfflineDocs", "docs_assets_directory", "serve_docs_offline")
