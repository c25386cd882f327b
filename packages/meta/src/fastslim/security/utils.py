"""`fastslim.security.utils`, as `fastapi.security.utils`."""

from fastslim_routing.security.utils import (
    get_authorization_scheme_param as get_authorization_scheme_param,
)

__all__ = ("get_authorization_scheme_param",)
