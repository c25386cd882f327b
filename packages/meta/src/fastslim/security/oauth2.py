"""`fastslim.security.oauth2`, as `fastapi.security.oauth2`."""

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
