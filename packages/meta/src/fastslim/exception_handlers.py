"""`fastslim.exception_handlers`, as `fastapi.exception_handlers`: the default handlers."""

from starlette.exceptions import HTTPException as HTTPException
from starlette.requests import Request as Request
from starlette.responses import JSONResponse as JSONResponse
from starlette.responses import Response as Response
from starlette.status import WS_1008_POLICY_VIOLATION as WS_1008_POLICY_VIOLATION
from starlette.websockets import WebSocket as WebSocket

from fastslim.encoders import jsonable_encoder as jsonable_encoder
from fastslim.exceptions import RequestValidationError as RequestValidationError
from fastslim.exceptions import WebSocketRequestValidationError as WebSocketRequestValidationError
from fastslim.utils import is_body_allowed_for_status_code as is_body_allowed_for_status_code
from fastslim_routing import exception_handlers as _handlers
from fastslim_routing.exception_handlers import http_exception_handler as http_exception_handler
from fastslim_routing.exception_handlers import (
    request_validation_exception_handler as request_validation_exception_handler,
)

websocket_request_validation_exception_handler = (
    _handlers.websocket_request_validation_exception_handler
)

__all__ = (
    "http_exception_handler",
    "request_validation_exception_handler",
    "websocket_request_validation_exception_handler",
)
