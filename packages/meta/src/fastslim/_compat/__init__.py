"""`fastslim._compat`, as `fastapi._compat` (a package with `shared` and `v2`, as in
FastAPI 0.165): `ModelField` and the field and annotation helpers extensions and
FastAPI's own test suite import. Views over fastslim-routing's compatibility
surface (`fastslim_routing.internals`); fastslim's own routes do not use them."""

from . import shared as shared
from . import v2 as v2
from .shared import PYDANTIC_VERSION_MINOR_TUPLE as PYDANTIC_VERSION_MINOR_TUPLE
from .shared import annotation_is_pydantic_v1 as annotation_is_pydantic_v1
from .shared import field_annotation_is_scalar as field_annotation_is_scalar
from .shared import field_annotation_is_scalar_sequence as field_annotation_is_scalar_sequence
from .shared import field_annotation_is_sequence as field_annotation_is_sequence
from .shared import is_bytes_or_nonable_bytes_annotation as is_bytes_or_nonable_bytes_annotation
from .shared import is_bytes_sequence_annotation as is_bytes_sequence_annotation
from .shared import is_pydantic_v1_model_instance as is_pydantic_v1_model_instance
from .shared import (
    is_uploadfile_or_nonable_uploadfile_annotation as is_uploadfile_or_nonable_uploadfile_annotation,  # noqa: E501
)
from .shared import is_uploadfile_sequence_annotation as is_uploadfile_sequence_annotation
from .shared import lenient_issubclass as lenient_issubclass
from .shared import sequence_types as sequence_types
from .shared import value_is_sequence as value_is_sequence
from .v2 import ModelField as ModelField
from .v2 import PydanticSchemaGenerationError as PydanticSchemaGenerationError
from .v2 import RequiredParam as RequiredParam
from .v2 import Undefined as Undefined
from .v2 import Url as Url
from .v2 import copy_field_info as copy_field_info
from .v2 import create_body_model as create_body_model
from .v2 import evaluate_forwardref as evaluate_forwardref
from .v2 import get_cached_model_fields as get_cached_model_fields
from .v2 import get_flat_models_from_fields as get_flat_models_from_fields
from .v2 import get_missing_field_error as get_missing_field_error
from .v2 import get_model_name_map as get_model_name_map
from .v2 import is_scalar_field as is_scalar_field
from .v2 import serialize_sequence_value as serialize_sequence_value
from .v2 import with_info_plain_validator_function as with_info_plain_validator_function

__all__ = (
    "PYDANTIC_VERSION_MINOR_TUPLE",
    "ModelField",
    "PydanticSchemaGenerationError",
    "RequiredParam",
    "Undefined",
    "Url",
    "annotation_is_pydantic_v1",
    "copy_field_info",
    "create_body_model",
    "evaluate_forwardref",
    "field_annotation_is_scalar",
    "field_annotation_is_scalar_sequence",
    "field_annotation_is_sequence",
    "get_cached_model_fields",
    "get_flat_models_from_fields",
    "get_missing_field_error",
    "get_model_name_map",
    "is_bytes_or_nonable_bytes_annotation",
    "is_bytes_sequence_annotation",
    "is_pydantic_v1_model_instance",
    "is_scalar_field",
    "is_uploadfile_or_nonable_uploadfile_annotation",
    "is_uploadfile_sequence_annotation",
    "lenient_issubclass",
    "sequence_types",
    "serialize_sequence_value",
    "shared",
    "v2",
    "value_is_sequence",
    "with_info_plain_validator_function",
)
