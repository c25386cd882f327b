"""Declaring WebSocket endpoints on a router: `add_api_websocket_route`,
`@router.websocket`, and Starlette's plain `add_websocket_route`/`@websocket_route`.

As in FastAPI, `add_api_websocket_route` adds the router's prefix and
dependencies to the route it creates; a plain Starlette WebSocket route gets
neither (inclusions still add their prefix).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from starlette.routing import WebSocketRoute

from fastslim_di import Depends

from ._websocket_route import APIWebSocketRoute

DecoratedCallable = TypeVar("DecoratedCallable", bound=Callable[..., Any])


class WebSocketDecorators:
    """Mixin of `APIRouter`: declaring WebSocket endpoints."""

    prefix: str
    dependencies: list[Any]
    dependency_overrides_provider: Any
    routes: list[Any]

    def add_api_websocket_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        name: str | None = None,
        *,
        dependencies: Sequence[Depends] | None = None,
    ) -> None:
        """Declare a WebSocket endpoint at the router's prefix + `path`.

        Raises the declaration errors of `APIWebSocketRoute`.
        """
        self.routes.append(
            APIWebSocketRoute(
                self.prefix + path,
                endpoint,
                name=name,
                dependencies=[*self.dependencies, *(dependencies or [])],
                dependency_overrides_provider=self.dependency_overrides_provider,
            )
        )

    def websocket(
        self,
        path: str,
        name: str | None = None,
        *,
        dependencies: Sequence[Depends] | None = None,
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.websocket(path)`: a WebSocket endpoint (FastAPI docs: WebSockets)."""

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_api_websocket_route(path, func, name=name, dependencies=dependencies)
            return func

        return decorator

    def add_websocket_route(
        self, path: str, endpoint: Callable[..., Any], name: str | None = None
    ) -> None:
        """A plain Starlette WebSocket route (`endpoint(websocket)`), without the prefix."""
        self.routes.append(WebSocketRoute(path, endpoint=endpoint, name=name))

    def websocket_route(
        self, path: str, name: str | None = None
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@router.websocket_route(path)`: a plain Starlette WebSocket route."""

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_websocket_route(path, func, name=name)
            return func

        return decorator
