"""FastAPI 0.165's internal objects that extensions import, at fastslim's
compatibility surface: `ModelField` and the field and annotation helpers
(`fastapi._compat`, its `shared` and `v2` modules), `create_model_field`
(`fastapi.utils`), `Dependant` (`fastapi.dependencies.models`), `SolvedDependency`,
`get_dependant`, `get_parameterless_sub_dependant`, `get_flat_params`,
`get_validation_alias`, `lenient_issubclass`, `_get_flat_body_params`, `_get_body_field`,
`_should_embed_body_fields`, `solve_dependencies`, `request_params_to_args`,
`request_body_to_args`, `ensure_multipart_is_installed` and its two messages,
`read_file_bytes`, the form helpers (`_get_form_models`, `_get_param_aliases`,
`_get_multidict_value`, `_extract_form_items`, ... without their underscore)
(`fastapi.dependencies.utils`), `FormLimits`, `form_limits_adapter`,
`validate_form_limits` (`fastapi._form_limits`). Same names, fields and signatures as FastAPI's,
compared against it in `tests/compat/test_internals_against_fastapi.py` and
`tests/compat/test_compat_against_fastapi.py`. They are views and helpers:
fastslim's routes never build or read them per request.
"""

from ._internals.annotations import PYDANTIC_VERSION as PYDANTIC_VERSION
from ._internals.annotations import PYDANTIC_VERSION_MINOR_TUPLE as PYDANTIC_VERSION_MINOR_TUPLE
from ._internals.annotations import annotation_is_pydantic_v1 as annotation_is_pydantic_v1
from ._internals.annotations import field_annotation_is_complex as field_annotation_is_complex
from ._internals.annotations import field_annotation_is_scalar as field_annotation_is_scalar
from ._internals.annotations import (
    field_annotation_is_scalar_sequence as field_annotation_is_scalar_sequence,
)
from ._internals.annotations import field_annotation_is_sequence as field_annotation_is_sequence
from ._internals.annotations import (
    is_bytes_or_nonable_bytes_annotation as is_bytes_or_nonable_bytes_annotation,
)
from ._internals.annotations import is_bytes_sequence_annotation as is_bytes_sequence_annotation
from ._internals.annotations import is_pydantic_v1_model_class as is_pydantic_v1_model_class
from ._internals.annotations import is_pydantic_v1_model_instance as is_pydantic_v1_model_instance
from ._internals.annotations import (
    is_uploadfile_or_nonable_uploadfile_annotation as is_uploadfile_or_nonable_uploadfile_annotation,  # noqa: E501
)
from ._internals.annotations import (
    is_uploadfile_sequence_annotation as is_uploadfile_sequence_annotation,
)
from ._internals.annotations import sequence_annotation_to_type as sequence_annotation_to_type
from ._internals.annotations import sequence_types as sequence_types
from ._internals.annotations import value_is_sequence as value_is_sequence
from ._internals.dependant import Dependant as Dependant
from ._internals.dependant import SolvedDependency as SolvedDependency
from ._internals.dependant import get_flat_body_params as get_flat_body_params
from ._internals.dependant import get_flat_params as get_flat_params
from ._internals.dependant import get_validation_alias as get_validation_alias
from ._internals.fields import asdict as asdict
from ._internals.fields import copy_field_info as copy_field_info
from ._internals.fields import create_body_model as create_body_model
from ._internals.fields import evaluate_forwardref as evaluate_forwardref
from ._internals.fields import get_cached_model_fields as get_cached_model_fields
from ._internals.fields import get_flat_models_from_annotation as get_flat_models_from_annotation
from ._internals.fields import get_flat_models_from_field as get_flat_models_from_field
from ._internals.fields import get_flat_models_from_fields as get_flat_models_from_fields
from ._internals.fields import get_flat_models_from_model as get_flat_models_from_model
from ._internals.fields import get_missing_field_error as get_missing_field_error
from ._internals.fields import get_model_fields as get_model_fields
from ._internals.fields import get_model_name_map as get_model_name_map
from ._internals.fields import is_scalar_field as is_scalar_field
from ._internals.fields import normalize_name as normalize_name
from ._internals.fields import regenerate_error_with_loc as regenerate_error_with_loc
from ._internals.fields import serialize_sequence_value as serialize_sequence_value
from ._internals.forms import _extract_form_body as extract_form_body
from ._internals.forms import _extract_form_items as extract_form_items
from ._internals.forms import _get_form_model as get_form_model
from ._internals.forms import _get_form_models as get_form_models
from ._internals.forms import _get_multidict_value as get_multidict_value
from ._internals.forms import _get_param_aliases as get_param_aliases
from ._internals.forms import _is_form_model_supplied as is_form_model_supplied
from ._internals.forms import _normalize_form_model as normalize_form_model
from ._internals.model_field import ModelField as ModelField
from ._internals.model_field import create_model_field as create_model_field
from ._internals.model_field import lenient_issubclass as lenient_issubclass
from ._internals.solve import request_body_to_args as request_body_to_args
from ._internals.solve import request_params_to_args as request_params_to_args
from ._internals.solve import solve_dependencies as solve_dependencies
from ._internals.views import get_body_field as get_body_field
from ._internals.views import get_dependant as get_dependant
from ._internals.views import get_parameterless_sub_dependant as get_parameterless_sub_dependant
from ._internals.views import should_embed_body_fields as should_embed_body_fields
from ._serve._form_limits import FormLimits as FormLimits
from ._serve._form_limits import form_limits_adapter as form_limits_adapter
from ._serve._form_limits import validate_form_limits as validate_form_limits
from ._serve._multipart import MULTIPART_INCORRECT as MULTIPART_INCORRECT
from ._serve._multipart import MULTIPART_MISSING as MULTIPART_MISSING
from ._serve._multipart import ensure_multipart_is_installed as ensure_multipart_is_installed
from ._serve._multipart import read_file_bytes as read_file_bytes

__all__ = (
    "MULTIPART_INCORRECT",
    "MULTIPART_MISSING",
    "PYDANTIC_VERSION",
    "PYDANTIC_VERSION_MINOR_TUPLE",
    "Dependant",
    "FormLimits",
    "ModelField",
    "SolvedDependency",
    "annotation_is_pydantic_v1",
    "asdict",
    "copy_field_info",
    "create_body_model",
    "create_model_field",
    "ensure_multipart_is_installed",
    "evaluate_forwardref",
    "extract_form_body",
    "extract_form_items",
    "field_annotation_is_complex",
    "field_annotation_is_scalar",
    "field_annotation_is_scalar_sequence",
    "field_annotation_is_sequence",
    "form_limits_adapter",
    "get_body_field",
    "get_cached_model_fields",
    "get_dependant",
    "get_flat_body_params",
    "get_flat_models_from_annotation",
    "get_flat_models_from_field",
    "get_flat_models_from_fields",
    "get_flat_models_from_model",
    "get_flat_params",
    "get_form_model",
    "get_form_models",
    "get_missing_field_error",
    "get_model_fields",
    "get_model_name_map",
    "get_multidict_value",
    "get_param_aliases",
    "get_parameterless_sub_dependant",
    "get_validation_alias",
    "is_bytes_or_nonable_bytes_annotation",
    "is_bytes_sequence_annotation",
    "is_form_model_supplied",
    "is_pydantic_v1_model_class",
    "is_pydantic_v1_model_instance",
    "is_scalar_field",
    "is_uploadfile_or_nonable_uploadfile_annotation",
    "is_uploadfile_sequence_annotation",
    "lenient_issubclass",
    "normalize_form_model",
    "normalize_name",
    "read_file_bytes",
    "regenerate_error_with_loc",
    "request_body_to_args",
    "request_params_to_args",
    "sequence_annotation_to_type",
    "sequence_types",
    "serialize_sequence_value",
    "should_embed_body_fields",
    "solve_dependencies",
    "validate_form_limits",
    "value_is_sequence",
)
