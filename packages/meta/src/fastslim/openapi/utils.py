"""`fastslim.openapi.utils`, as `fastapi.openapi.utils`."""

from fastslim_routing.openapi.utils import generate_operation_id as generate_operation_id
from fastslim_routing.openapi.utils import generate_operation_summary as generate_operation_summary
from fastslim_routing.openapi.utils import get_openapi as get_openapi
from fastslim_routing.openapi.utils import (
    get_openapi_operation_metadata as get_openapi_operation_metadata,
)
from fastslim_routing.openapi.utils import status_code_ranges as status_code_ranges
from fastslim_routing.openapi.utils import (
    validation_error_definition as validation_error_definition,
)
from fastslim_routing.openapi.utils import (
    validation_error_response_definition as validation_error_response_definition,
)

__all__ = (
    "generate_operation_id",
    "generate_operation_summary",
    "get_openapi",
    "get_openapi_operation_metadata",
    "status_code_ranges",
    "validation_error_definition",
    "validation_error_response_definition",
)
