"""`fastslim.openapi.constants`, as `fastapi.openapi.constants`."""

from __future__ import annotations

__all__ = ("METHODS_WITH_BODY", "REF_PREFIX", "REF_TEMPLATE")

METHODS_WITH_BODY = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}
REF_PREFIX = "#/components/schemas/"
REF_TEMPLATE = "#/components/schemas/{model}"
