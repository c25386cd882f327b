"""`fastslim.exceptions`, as `fastapi.exceptions`."""

from pydantic import BaseModel as BaseModel
from pydantic import create_model as create_model
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.exceptions import WebSocketException as StarletteWebSocketException

from fastslim_routing.exceptions import DependencyScopeError as DependencyScopeError
from fastslim_routing.exceptions import EndpointContext as EndpointContext
from fastslim_routing.exceptions import FastAPIDeprecationWarning as FastAPIDeprecationWarning
from fastslim_routing.exceptions import FastAPIError as FastAPIError
from fastslim_routing.exceptions import HTTPException as HTTPException
from fastslim_routing.exceptions import PydanticV1NotSupportedError as PydanticV1NotSupportedError
from fastslim_routing.exceptions import RequestErrorModel as RequestErrorModel
from fastslim_routing.exceptions import RequestValidationError as RequestValidationError
from fastslim_routing.exceptions import ResponseValidationError as ResponseValidationError
from fastslim_routing.exceptions import ValidationException as ValidationException
from fastslim_routing.exceptions import WebSocketErrorModel as WebSocketErrorModel
from fastslim_routing.exceptions import WebSocketException as WebSocketException
from fastslim_routing.exceptions import (
    WebSocketRequestValidationError as WebSocketRequestValidationError,
)

__all__ = (
    "DependencyScopeError",
    "EndpointContext",
    "FastAPIDeprecationWarning",
    "FastAPIError",
    "HTTPException",
    "PydanticV1NotSupportedError",
    "RequestErrorModel",
    "RequestValidationError",
    "ResponseValidationError",
    "StarletteHTTPException",
    "StarletteWebSocketException",
    "ValidationException",
    "WebSocketErrorModel",
    "WebSocketException",
    "WebSocketRequestValidationError",
)
