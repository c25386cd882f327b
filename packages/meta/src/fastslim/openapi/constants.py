"""`fastslim.openapi.constants`, as `fastapi.openapi.constants`."""

from fastslim_routing.openapi.constants import METHODS_WITH_BODY as METHODS_WITH_BODY
from fastslim_routing.openapi.constants import REF_PREFIX as REF_PREFIX
from fastslim_routing.openapi.constants import REF_TEMPLATE as REF_TEMPLATE

__all__ = (
    "METHODS_WITH_BODY",
    "REF_PREFIX",
    "REF_TEMPLATE",
)
