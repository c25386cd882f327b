"""`fastslim.dependencies.utils`, as `fastapi.dependencies.utils`: the helpers that
libraries written for FastAPI import (signatures with evaluated annotations, the
`Dependant` tree's flat parameters, aliases, python-multipart's check and its messages,
reading a `bytes` file parameter).

fastslim's graph is fastslim-di's plan (`fastslim_di.build_plan`); the names here
are views and helpers over it (packages/routing/README.md, compatibility surface).
"""

from fastslim_routing.internals import MULTIPART_INCORRECT as multipart_incorrect_install_error
from fastslim_routing.internals import MULTIPART_MISSING as multipart_not_installed_error
from fastslim_routing.internals import Dependant as Dependant
from fastslim_routing.internals import ModelField as ModelField
from fastslim_routing.internals import SolvedDependency as SolvedDependency
from fastslim_routing.internals import create_model_field as create_model_field
from fastslim_routing.internals import (
    ensure_multipart_is_installed as ensure_multipart_is_installed,
)
from fastslim_routing.internals import extract_form_body as _extract_form_body
from fastslim_routing.internals import extract_form_items as _extract_form_items
from fastslim_routing.internals import get_body_field as _get_body_field
from fastslim_routing.internals import get_cached_model_fields as get_cached_model_fields
from fastslim_routing.internals import get_dependant as get_dependant
from fastslim_routing.internals import get_flat_body_params as _get_flat_body_params
from fastslim_routing.internals import get_flat_params as get_flat_params
from fastslim_routing.internals import get_form_model as _get_form_model
from fastslim_routing.internals import get_form_models as _get_form_models
from fastslim_routing.internals import get_multidict_value as _get_multidict_value
from fastslim_routing.internals import get_param_aliases as _get_param_aliases
from fastslim_routing.internals import (
    get_parameterless_sub_dependant as get_parameterless_sub_dependant,
)
from fastslim_routing.internals import get_validation_alias as get_validation_alias
from fastslim_routing.internals import is_form_model_supplied as _is_form_model_supplied
from fastslim_routing.internals import lenient_issubclass as lenient_issubclass
from fastslim_routing.internals import normalize_form_model as _normalize_form_model
from fastslim_routing.internals import read_file_bytes as _read_file_bytes
from fastslim_routing.internals import request_body_to_args as request_body_to_args
from fastslim_routing.internals import request_params_to_args as request_params_to_args
from fastslim_routing.internals import should_embed_body_fields as _should_embed_body_fields
from fastslim_routing.internals import solve_dependencies as solve_dependencies
from fastslim_routing.typed_signature import get_typed_annotation as get_typed_annotation
from fastslim_routing.typed_signature import (
    get_typed_return_annotation as get_typed_return_annotation,
)
from fastslim_routing.typed_signature import get_typed_signature as get_typed_signature
from fastslim_routing.types import DependencyCacheKey as DependencyCacheKey

__all__ = (
    "Dependant",
    "DependencyCacheKey",
    "ModelField",
    "SolvedDependency",
    "_extract_form_body",
    "_extract_form_items",
    "_get_body_field",
    "_get_flat_body_params",
    "_get_form_model",
    "_get_form_models",
    "_get_multidict_value",
    "_get_param_aliases",
    "_is_form_model_supplied",
    "_normalize_form_model",
    "_read_file_bytes",
    "_should_embed_body_fields",
    "create_model_field",
    "ensure_multipart_is_installed",
    "get_cached_model_fields",
    "get_dependant",
    "get_flat_params",
    "get_parameterless_sub_dependant",
    "get_typed_annotation",
    "get_typed_return_annotation",
    "get_typed_signature",
    "get_validation_alias",
    "lenient_issubclass",
    "multipart_incorrect_install_error",
    "multipart_not_installed_error",
    "request_body_to_args",
    "request_params_to_args",
    "solve_dependencies",
)
