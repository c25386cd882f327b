"""`fastslim.routing`, as `fastapi.routing`: `APIRouter`, `APIRoute` and route contexts."""

from starlette.routing import BaseRoute as BaseRoute
from starlette.routing import Match as Match
from starlette.routing import Mount as Mount
from starlette.routing import NoMatchFound as NoMatchFound
from starlette.routing import Route as Route
from starlette.routing import WebSocketRoute as WebSocketRoute
from starlette.routing import compile_path as compile_path
from starlette.routing import get_name as get_name

from ._internals.contexts import RouteContext as RouteContext
from ._internals.contexts import _EffectiveRouteContext as _EffectiveRouteContext
from ._internals.contexts import (
    _get_scope_effective_route_context as _get_scope_effective_route_context,
)
from ._internals.contexts import _iter_routes_with_context as _iter_routes_with_context
from ._internals.contexts import iter_route_contexts as iter_route_contexts
from ._internals.handlers import get_request_handler as get_request_handler
from ._internals.handlers import run_endpoint_function as run_endpoint_function
from ._internals.handlers import serialize_response as serialize_response
from ._routes._handlers import request_response as request_response
from ._routes._inclusion import IncludedRouter as _IncludedRouter
from ._routes._inclusion import RouterIncludeContext as _RouterIncludeContext
from ._routes._lifespan import _DefaultLifespan as _DefaultLifespan
from ._routes._route import APIRoute as APIRoute
from ._routes._router import APIRouter as APIRouter
from ._routes._websocket_route import APIWebSocketRoute as APIWebSocketRoute

__all__ = (
    "APIRoute",
    "APIRouter",
    "APIWebSocketRoute",
    "BaseRoute",
    "Match",
    "Mount",
    "NoMatchFound",
    "Route",
    "RouteContext",
    "WebSocketRoute",
    "_DefaultLifespan",
    "_EffectiveRouteContext",
    "_IncludedRouter",
    "_RouterIncludeContext",
    "_get_scope_effective_route_context",
    "_iter_routes_with_context",
    "compile_path",
    "get_name",
    "get_request_handler",
    "iter_route_contexts",
    "request_response",
    "run_endpoint_function",
    "serialize_response",
)
