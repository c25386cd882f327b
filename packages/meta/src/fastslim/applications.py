"""`fastslim.applications`, as `fastapi.applications`: the `FastAPI` class."""

from starlette.applications import Starlette as Starlette
from starlette.datastructures import State as State
from starlette.exceptions import HTTPException as HTTPException
from starlette.middleware import Middleware as Middleware
from starlette.middleware.base import BaseHTTPMiddleware as BaseHTTPMiddleware
from starlette.middleware.errors import ServerErrorMiddleware as ServerErrorMiddleware
from starlette.middleware.exceptions import ExceptionMiddleware as ExceptionMiddleware
from starlette.requests import Request as Request
from starlette.responses import HTMLResponse as HTMLResponse
from starlette.responses import JSONResponse as JSONResponse
from starlette.responses import Response as Response
from starlette.routing import BaseRoute as BaseRoute

from fastslim import exception_handlers as _handlers
from fastslim import routing as routing
from fastslim.datastructures import Default as Default
from fastslim.datastructures import DefaultPlaceholder as DefaultPlaceholder
from fastslim.exception_handlers import http_exception_handler as http_exception_handler
from fastslim.exception_handlers import (
    request_validation_exception_handler as request_validation_exception_handler,
)
from fastslim.exceptions import FastAPIDeprecationWarning as FastAPIDeprecationWarning
from fastslim.exceptions import RequestValidationError as RequestValidationError
from fastslim.exceptions import WebSocketRequestValidationError as WebSocketRequestValidationError
from fastslim.openapi.docs import get_redoc_html as get_redoc_html
from fastslim.openapi.docs import get_swagger_ui_html as get_swagger_ui_html
from fastslim.openapi.docs import (
    get_swagger_ui_oauth2_redirect_html as get_swagger_ui_oauth2_redirect_html,
)
from fastslim.openapi.utils import get_openapi as get_openapi
from fastslim.params import Depends as Depends
from fastslim.types import DecoratedCallable as DecoratedCallable
from fastslim.utils import generate_unique_id as generate_unique_id
from fastslim_routing.applications import FastAPI as FastAPI
from fastslim_routing.types import AppType as AppType

websocket_request_validation_exception_handler = (
    _handlers.websocket_request_validation_exception_handler
)

__all__ = ("AppType", "FastAPI")
