"""`fastslim._compat.v2`, as `fastapi._compat.v2`: `ModelField` and FastAPI's field
helpers (body models, copies of declarations, the models a field refers to, the
"missing" error, sequence values), for the extensions that import them. Views
over fastslim-routing's compatibility surface (`fastslim_routing.internals`)."""

from pydantic.errors import PydanticSchemaGenerationError as PydanticSchemaGenerationError
from pydantic_core import PydanticUndefined as PydanticUndefined
from pydantic_core import PydanticUndefined as RequiredParam
from pydantic_core import PydanticUndefined as Undefined
from pydantic_core import Url as Url
from pydantic_core.core_schema import (
    with_info_plain_validator_function as with_info_plain_validator_function,
)

from fastslim_routing.internals import ModelField as ModelField
from fastslim_routing.internals import asdict as asdict
from fastslim_routing.internals import copy_field_info as copy_field_info
from fastslim_routing.internals import create_body_model as create_body_model
from fastslim_routing.internals import evaluate_forwardref as evaluate_forwardref
from fastslim_routing.internals import get_cached_model_fields as get_cached_model_fields
from fastslim_routing.internals import (
    get_flat_models_from_annotation as get_flat_models_from_annotation,
)
from fastslim_routing.internals import get_flat_models_from_field as get_flat_models_from_field
from fastslim_routing.internals import get_flat_models_from_fields as get_flat_models_from_fields
from fastslim_routing.internals import get_flat_models_from_model as get_flat_models_from_model
from fastslim_routing.internals import get_missing_field_error as get_missing_field_error
from fastslim_routing.internals import get_model_fields as get_model_fields
from fastslim_routing.internals import get_model_name_map as get_model_name_map
from fastslim_routing.internals import is_scalar_field as is_scalar_field
from fastslim_routing.internals import lenient_issubclass as lenient_issubclass
from fastslim_routing.internals import normalize_name as normalize_name
from fastslim_routing.internals import regenerate_error_with_loc as _regenerate_error_with_loc
from fastslim_routing.internals import serialize_sequence_value as serialize_sequence_value
from fastslim_routing.openapi.constants import REF_TEMPLATE as REF_TEMPLATE

__all__ = (
    "REF_TEMPLATE",
    "ModelField",
    "PydanticSchemaGenerationError",
    "PydanticUndefined",
    "RequiredParam",
    "Undefined",
    "Url",
    "_regenerate_error_with_loc",
    "asdict",
    "copy_field_info",
    "create_body_model",
    "evaluate_forwardref",
    "get_cached_model_fields",
    "get_flat_models_from_annotation",
    "get_flat_models_from_field",
    "get_flat_models_from_fields",
    "get_flat_models_from_model",
    "get_missing_field_error",
    "get_model_fields",
    "get_model_name_map",
    "is_scalar_field",
    "lenient_issubclass",
    "normalize_name",
    "serialize_sequence_value",
    "with_info_plain_validator_function",
)
