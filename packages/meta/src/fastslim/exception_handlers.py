"""`fastslim.exception_handlers`, as `fastapi.exception_handlers`: the default handlers."""

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
