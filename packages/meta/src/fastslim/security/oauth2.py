"""`fastslim.security.oauth2`, as `fastapi.security.oauth2`."""

from starlette.requests import HTTPConnection as HTTPConnection
from starlette.status import HTTP_401_UNAUTHORIZED as HTTP_401_UNAUTHORIZED

from fastslim.exceptions import HTTPException as HTTPException
from fastslim.param_functions import Form as Form
from fastslim.security.base import SecurityBase as SecurityBase
from fastslim.security.utils import get_authorization_scheme_param as get_authorization_scheme_param
from fastslim_routing.security.oauth2 import OAuth2 as OAuth2
from fastslim_routing.security.oauth2 import (
    OAuth2AuthorizationCodeBearer as OAuth2AuthorizationCodeBearer,
)
from fastslim_routing.security.oauth2 import OAuth2PasswordBearer as OAuth2PasswordBearer
from fastslim_routing.security.oauth2 import OAuth2PasswordRequestForm as OAuth2PasswordRequestForm
from fastslim_routing.security.oauth2 import (
    OAuth2PasswordRequestFormStrict as OAuth2PasswordRequestFormStrict,
)
from fastslim_routing.security.oauth2 import SecurityScopes as SecurityScopes

__all__ = (
    "OAuth2",
    "OAuth2AuthorizationCodeBearer",
    "OAuth2PasswordBearer",
    "OAuth2PasswordRequestForm",
    "OAuth2PasswordRequestFormStrict",
    "SecurityScopes",
)
