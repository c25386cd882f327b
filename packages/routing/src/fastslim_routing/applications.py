"""`fastslim.applications`, as `fastapi.applications`: the `FastAPI` application class.

A Starlette application whose router is an `APIRouter`, with FastAPI 0.165's
constructor arguments, its default exception handlers (HTTP errors and request
validation errors as JSON), `dependency_overrides`, and a fastslim-di container
whose app scope runs in the lifespan. Path-operation decorators delegate to
`app.router`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar

from starlette.applications import Starlette
from starlette.datastructures import State
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Lifespan, Receive, Scope, Send

from fastslim_di import Container, Depends
from fastslim_tasks import TaskRunner

from ._compile._limits import check_form_limits, check_max_body_size
from ._routes._app_runner import AppTaskRunner
from ._routes._route import APIRoute
from ._routes._router import APIRouter
from ._serve._body_limit import limited_middleware_stack
from ._serve._form_limits import scope_form_limits
from ._telemetry._config import check_config
from ._telemetry._stack import telemetry_middleware_stack
from .datastructures import Default, DefaultPlaceholder
from .exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
    websocket_request_validation_exception_handler,
)
from .exceptions import (
    FastAPIDeprecationWarning,
    RequestValidationError,
    WebSocketRequestValidationError,
)
from .openapi import _setup as _openapi_setup
from .utils import generate_unique_id

__all__ = ("FastAPI",)

DecoratedCallable = TypeVar("DecoratedCallable", bound=Callable[..., Any])


class FastAPI(Starlette):
    """The application (FastAPI docs: First Steps; reference: `FastAPI` class)."""

    def __init__(
        self,
        *,
        telemetry: Mapping[str, Any] | None = None,
        debug: bool = False,
        routes: list[BaseRoute] | None = None,
        title: str = "FastAPI",
        summary: str | None = None,
        description: str = "",
        version: str = "0.1.0",
        openapi_url: str | None = "/openapi.json",
        openapi_tags: list[dict[str, Any]] | None = None,
        servers: list[dict[str, Any]] | None = None,
        dependencies: Sequence[Depends] | None = None,
        default_response_class: type[Response] | DefaultPlaceholder = Default(JSONResponse),
        redirect_slashes: bool = True,
        docs_url: str | None = "/docs",
        redoc_url: str | None = "/redoc",
        swagger_ui_oauth2_redirect_url: str | None = "/docs/oauth2-redirect",
        swagger_ui_init_oauth: dict[str, Any] | None = None,
        middleware: Sequence[Middleware] | None = None,
        exception_handlers: Mapping[Any, Callable[..., Any]] | None = None,
        on_startup: Sequence[Callable[[], Any]] | None = None,
        on_shutdown: Sequence[Callable[[], Any]] | None = None,
        lifespan: Lifespan[Any] | None = None,
        terms_of_service: str | None = None,
        contact: dict[str, Any] | None = None,
        license_info: dict[str, Any] | None = None,
        root_path: str = "",
        root_path_in_servers: bool = True,
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: list[BaseRoute] | None = None,
        webhooks: APIRouter | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        swagger_ui_parameters: dict[str, Any] | None = None,
        generate_unique_id_function: Callable[[APIRoute], str] | DefaultPlaceholder = Default(
            generate_unique_id
        ),
        separate_input_output_schemas: bool = True,
        openapi_external_docs: dict[str, Any] | None = None,
        strict_content_type: bool = True,
        max_body_size: int | None = None,
        form_limits: dict[str, int] | None = None,
    ) -> None:
        self.debug = debug
        self.state = State()
        check_config(telemetry)
        self.telemetry = dict(telemetry) if telemetry is not None else None
        self.title = title
        self.summary = summary
        self.description = description
        self.version = version
        self.openapi_url = openapi_url
        self.openapi_tags = openapi_tags
        self.servers = list(servers or [])
        self.docs_url = docs_url
        self.redoc_url = redoc_url
        self.swagger_ui_oauth2_redirect_url = swagger_ui_oauth2_redirect_url
        self.swagger_ui_init_oauth = swagger_ui_init_oauth
        self.swagger_ui_parameters = swagger_ui_parameters
        self.terms_of_service = terms_of_service
        self.contact = contact
        self.license_info = license_info
        if root_path:
            warnings.warn(
                "The `root_path` parameter is deprecated. Configure the server's root path "
                f"instead, for example with `uvicorn --root-path {root_path}`.",
                FastAPIDeprecationWarning,
                stacklevel=2,
            )
        self.root_path = root_path
        self.root_path_in_servers = root_path_in_servers
        self.webhooks = webhooks or APIRouter()
        self.separate_input_output_schemas = separate_input_output_schemas
        self.openapi_external_docs = openapi_external_docs
        self.openapi_version = "3.1.0"
        self.openapi_schema: dict[str, Any] | None = None
        self.max_body_size = check_max_body_size(max_body_size)
        self.form_limits = check_form_limits(form_limits)
        self.container = Container()
        self.dependency_overrides = self.container.dependency_overrides
        self.router: APIRouter = APIRouter(
            routes=routes,
            redirect_slashes=redirect_slashes,
            dependency_overrides_provider=self,
            on_startup=on_startup,
            on_shutdown=on_shutdown,
            lifespan=lifespan,
            default_response_class=default_response_class,
            dependencies=dependencies,
            callbacks=callbacks,
            deprecated=deprecated,
            include_in_schema=include_in_schema,
            responses=responses,
            generate_unique_id_function=generate_unique_id_function,
            strict_content_type=strict_content_type,
            max_body_size=self.max_body_size,
            form_limits=self.form_limits,
        )
        self._task_runner = AppTaskRunner(self._routes_use_task_runner)
        self.router.lifespan_context.app_contexts.insert(0, lambda app: self.container)
        self.router.lifespan_context.inner_contexts.append(self._task_runner.lifespan)
        self.exception_handlers: dict[Any, Callable[..., Any]] = {
            StarletteHTTPException: http_exception_handler,
            RequestValidationError: request_validation_exception_handler,
            WebSocketRequestValidationError: websocket_request_validation_exception_handler,
            **(exception_handlers or {}),
        }
        self.user_middleware: list[Middleware] = list(middleware or [])
        self.middleware_stack: ASGIApp | None = None
        self._built_stack: ASGIApp | None = None
        self._served_stack: Any = None
        self.setup()

    def setup(self) -> None:
        """Add the document and docs routes (`openapi_url`, `docs_url`, its OAuth2
        redirect, `redoc_url`); called once, last in `__init__`. Subclasses override it
        to add routes of their own after calling it (fastapi-jsonrpc's /openrpc.json),
        as on FastAPI."""
        _openapi_setup.setup(self)

    def openapi(self) -> dict[str, Any]:
        """The app's OpenAPI document (built on first call, then cached in
        `openapi_schema`; assign a function to `app.openapi` to change it)."""
        return _openapi_setup.build_openapi(self)

    # -- the app's task runner (beyond FastAPI, opt-in) --------------------

    @property
    def dependency_overrides(self) -> dict[Callable[..., Any], Callable[..., Any]]:
        """`{original: replacement}`, read on every request (mutate it, or assign a
        new dict; `None` or `{}` means no override). The replacement's own signature
        is solved and validated (FastAPI docs: Testing Dependencies with Overrides)."""
        return self._dependency_overrides  # type: ignore[return-value]  # None if set so

    @dependency_overrides.setter
    def dependency_overrides(
        self, overrides: dict[Callable[..., Any], Callable[..., Any]] | None
    ) -> None:
        self._dependency_overrides = overrides
        self.container.dependency_overrides = {} if overrides is None else overrides

    @property
    def task_runner(self) -> TaskRunner:
        """The app's `TaskRunner` for detached work (fastslim-tasks), while the app runs.

        A fresh runner is started by each run of the app's lifespan, after the
        `lifespan=` startup, and drained before its shutdown. Endpoints and
        dependencies receive it by declaring a parameter of type `TaskRunner`;
        an app that never uses it pays nothing. Raises `RuntimeError` outside the
        lifespan. Configure it with `task_runner_factory`.
        """
        return self._task_runner.runner()

    @property
    def task_runner_factory(self) -> Callable[[], TaskRunner]:
        """Makes the runner of each lifespan run (default `TaskRunner()`); setting it,
        e.g. `lambda: TaskRunner(max_concurrency=8)`, also turns the runner on for an
        app whose routes declare no `TaskRunner` parameter."""
        return self._task_runner.factory

    @task_runner_factory.setter
    def task_runner_factory(self, factory: Callable[[], TaskRunner]) -> None:
        self._task_runner.factory = factory

    def _routes_use_task_runner(self) -> Iterator[bool]:
        for route, _ in self.router.served_routes():
            yield getattr(getattr(route, "compiled", None), "uses_task_runner", False)

    def build_middleware_stack(self) -> ASGIApp:
        """Starlette's stack (`ServerErrorMiddleware` first, as extensions that wrap it
        expect), fastslim's body limit outside the app's own middleware; the
        telemetry middleware goes around it when the app first serves."""
        return limited_middleware_stack(self, super().build_middleware_stack)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.root_path:
            scope["root_path"] = self.root_path
        if self.form_limits:
            scope_form_limits(scope, self.form_limits)
        # Starlette's `__call__`, inlined (one frame less on every request).
        scope["app"] = self
        stack = self.middleware_stack
        if stack is None:
            stack = self.middleware_stack = self.build_middleware_stack()
        if stack is not self._built_stack:
            # The stack as built or as assigned (an instrumentation restoring it): the
            # telemetry middleware around it, unless OpenTelemetry's contrib one is in it.
            self._built_stack = stack
            self._served_stack = telemetry_middleware_stack(self, stack)
        await self._served_stack(scope, receive, send)

    # -- delegation to the router ------------------------------------------

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        """See `APIRouter.add_api_route`."""
        self.router.add_api_route(path, endpoint, **options)

    def api_route(
        self, path: str, **options: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """See `APIRouter.api_route`."""
        return self.router.api_route(path, **options)

    def get(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.get(path, **options)

    def put(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.put(path, **options)

    def post(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.post(path, **options)

    def delete(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.delete(path, **options)

    def options(
        self, path: str, **options: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.options(path, **options)

    def head(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.head(path, **options)

    def patch(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.patch(path, **options)

    def trace(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.trace(path, **options)

    def include_router(self, router: APIRouter, **options: Any) -> None:
        """See `APIRouter.include_router`."""
        self.router.include_router(router, **options)

    def add_route(  # type: ignore[override]
        self, path: str, endpoint: Callable[..., Any], **options: Any
    ) -> None:
        self.router.add_route(path, endpoint, **options)

    def route(self, path: str, **options: Any) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.router.route(path, **options)

    def add_api_websocket_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        name: str | None = None,
        *,
        dependencies: Sequence[Depends] | None = None,
    ) -> None:
        """See `APIRouter.add_api_websocket_route`."""
        self.router.add_api_websocket_route(path, endpoint, name=name, dependencies=dependencies)

    def websocket(
        self, path: str, name: str | None = None, *, dependencies: Sequence[Depends] | None = None
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """See `APIRouter.websocket`."""
        return self.router.websocket(path, name=name, dependencies=dependencies)

    def websocket_route(
        self, path: str, name: str | None = None
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """See `APIRouter.websocket_route`."""
        return self.router.websocket_route(path, name=name)

    def frontend(
        self,
        path: str,
        *,
        directory: str | os.PathLike[str],
        fallback: Literal["auto", "index.html", "404.html"] | None = "auto",
        check_dir: bool | Literal["auto"] = "auto",
    ) -> None:
        """See `APIRouter.frontend`."""
        self.router.frontend(path, directory=directory, fallback=fallback, check_dir=check_dir)

    def on_event(self, event_type: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Deprecated (as in FastAPI): use lifespan event handlers instead."""
        return self.router.on_event(event_type)

    def add_event_handler(self, event_type: str, func: Callable[[], Any]) -> None:
        self.router.add_event_handler(event_type, func)

    # -- middleware and exception handlers ----------------------------------

    def middleware(self, middleware_type: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@app.middleware("http")`: a function middleware `(request, call_next)`."""
        if middleware_type != "http":
            raise ValueError(f"Only 'http' middleware is supported, got {middleware_type!r}.")

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_middleware(BaseHTTPMiddleware, dispatch=func)
            return func

        return decorator

    def exception_handler(
        self, exc_class_or_status_code: int | type[Exception]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """`@app.exception_handler(MyError)`: handle an exception class or a status code."""

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_exception_handler(exc_class_or_status_code, func)
            return func

        return decorator
