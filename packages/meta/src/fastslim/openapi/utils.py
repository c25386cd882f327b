"""`fastslim.openapi.utils`, as `fastapi.openapi.utils`."""

from starlette.responses import JSONResponse as JSONResponse
from starlette.responses import Response as Response
from starlette.routing import BaseRoute as BaseRoute

from fastslim import routing as routing
from fastslim.datastructures import DefaultPlaceholder as DefaultPlaceholder
from fastslim.dependencies.models import Dependant as Dependant
from fastslim.dependencies.utils import get_flat_params as get_flat_params
from fastslim.encoders import jsonable_encoder as jsonable_encoder
from fastslim.exceptions import FastAPIDeprecationWarning as FastAPIDeprecationWarning
from fastslim.openapi.models import OpenAPI as OpenAPI
from fastslim.params import Body as Body
from fastslim.params import ParamTypes as ParamTypes
from fastslim.utils import deep_dict_update as deep_dict_update
from fastslim.utils import is_body_allowed_for_status_code as is_body_allowed_for_status_code
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
