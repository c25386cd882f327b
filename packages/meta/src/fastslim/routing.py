"""`fastslim.routing`, as `fastapi.routing`: routers, routes and route contexts."""

from fastslim_routing.routing import APIRoute as APIRoute
from fastslim_routing.routing import APIRouter as APIRouter
from fastslim_routing.routing import APIWebSocketRoute as APIWebSocketRoute
from fastslim_routing.routing import BaseRoute as BaseRoute
from fastslim_routing.routing import Match as Match
from fastslim_routing.routing import Mount as Mount
from fastslim_routing.routing import NoMatchFound as NoMatchFound
from fastslim_routing.routing import Route as Route
from fastslim_routing.routing import RouteContext as RouteContext
from fastslim_routing.routing import WebSocketRoute as WebSocketRoute
from fastslim_routing.routing import _DefaultLifespan as _DefaultLifespan
from fastslim_routing.routing import _EffectiveRouteContext as _EffectiveRouteContext
from fastslim_routing.routing import (
    _get_scope_effective_route_context as _get_scope_effective_route_context,
)
from fastslim_routing.routing import _IncludedRouter as _IncludedRouter
from fastslim_routing.routing import _iter_routes_with_context as _iter_routes_with_context
from fastslim_routing.routing import _RouterIncludeContext as _RouterIncludeContext
from fastslim_routing.routing import compile_path as compile_path
from fastslim_routing.routing import get_name as get_name
from fastslim_routing.routing import get_request_handler as get_request_handler
from fastslim_routing.routing import iter_route_contexts as iter_route_contexts
from fastslim_routing.routing import request_response as request_response
from fastslim_routing.routing import run_endpoint_function as run_endpoint_function
from fastslim_routing.routing import serialize_response as serialize_response

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
