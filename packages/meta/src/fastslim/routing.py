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
from fastslim_routing.routing import _IncludedRouter as _IncludedRouter
from fastslim_routing.routing import compile_path as compile_path
from fastslim_routing.routing import get_name as get_name
from fastslim_routing.routing import iter_route_contexts as iter_route_contexts
from fastslim_routing.routing import request_response as request_response

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
    "_IncludedRouter",
    "compile_path",
    "get_name",
    "iter_route_contexts",
    "request_response",
)
