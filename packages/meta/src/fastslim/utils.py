"""`fastslim.utils`, as `fastapi.utils`: the helpers apps use."""

from fastslim_routing.utils import create_model_field as create_model_field
from fastslim_routing.utils import deep_dict_update as deep_dict_update
from fastslim_routing.utils import generate_unique_id as generate_unique_id
from fastslim_routing.utils import get_path_param_names as get_path_param_names
from fastslim_routing.utils import get_value_or_default as get_value_or_default
from fastslim_routing.utils import (
    is_body_allowed_for_status_code as is_body_allowed_for_status_code,
)

__all__ = (
    "create_model_field",
    "deep_dict_update",
    "generate_unique_id",
    "get_path_param_names",
    "get_value_or_default",
    "is_body_allowed_for_status_code",
)
