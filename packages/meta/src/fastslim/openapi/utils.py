"""`fastslim.openapi.utils`, as `fastapi.openapi.utils`."""

from fastslim_routing.openapi.utils import get_openapi as get_openapi
from fastslim_routing.openapi.utils import status_code_ranges as status_code_ranges
from fastslim_routing.openapi.utils import (
    validation_error_definition as validation_error_definition,
)
from fastslim_routing.openapi.utils import (
    validation_error_response_definition as validation_error_response_definition,
)

__all__ = (
    "get_openapi",
    "status_code_ranges",
    "validation_error_definition",
    "validation_error_response_definition",
)
