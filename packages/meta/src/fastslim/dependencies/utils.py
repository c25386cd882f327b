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
from fastslim_routing.internals import get_body_field as _get_body_field
from fastslim_routing.internals import get_dependant as get_dependant
from fastslim_routing.internals import get_flat_body_params as _get_flat_body_params
from fastslim_routing.internals import get_flat_params as get_flat_params
from fastslim_routing.internals import (
    get_parameterless_sub_dependant as get_parameterless_sub_dependant,
)
from fastslim_routing.internals import get_validation_alias as get_validation_alias
from fastslim_routing.internals import lenient_issubclass as lenient_issubclass
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
    "_get_body_field",
    "_get_flat_body_params",
    "_read_file_bytes",
    "_should_embed_body_fields",
    "create_model_field",
    "ensure_multipart_is_installed",
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
