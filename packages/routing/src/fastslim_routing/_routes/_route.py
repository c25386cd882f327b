"""`APIRoute`: a path operation, compiled when it is declared.

An `APIRoute` is a Starlette `Route` whose app validates the request, solves
the dependencies, calls the endpoint and serializes its return value. The
router that creates it has already merged its own prefix, dependencies, tags...
into it; an inclusion (`include_router`) serves it through an `EffectiveRoute`
with the inclusion's settings merged on top, without copying it.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from starlette._utils import get_route_path
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, Route, compile_path, get_name
from starlette.types import Receive, Scope, Send

from fastslim_di import Depends

from .._compile._compiler import compile_route
from .._compile._limits import check_form_limits, check_max_body_size, first_size, merge_form_limits
from .._serve._body_limit import serve_limited
from .._serve._compiled import CompiledRoute, RouteSettings
from .._serve._encode import DumpOptions
from .._serve._handler import (
    COMPILED,
    RouteHandler,
    container_of,
    route_handler,
    serve,
    serve_with_handler,
)
from ..datastructures import Default, DefaultPlaceholder
from ..utils import generate_unique_id, get_value_or_default
from ._route_list import bump


def _description(endpoint: Callable[..., Any], description: str | None) -> str | None:
    if description is not None:
        return description
    doc = inspect.cleandoc(getattr(endpoint, "__doc__", None) or "")
    if not doc:
        return None
    return doc.split("\f")[0].strip()


class APIRoute(Route):
    """A path operation (FastAPI's `APIRoute`), with every path-operation argument."""

    def __init__(
        self,
        path: str,
        endpoint: Callable[..., Any],
        *,
        response_model: Any = Default(None),
        status_code: int | None = None,
        tags: list[str | Enum] | None = None,
        dependencies: Sequence[Depends] | None = None,
        summary: str | None = None,
        description: str | None = None,
        response_description: str = "Successful Response",
        responses: dict[int | str, dict[str, Any]] | None = None,
        deprecated: bool | None = None,
        name: str | None = None,
        methods: set[str] | list[str] | None = None,
        operation_id: str | None = None,
        response_model_include: Any = None,
        response_model_exclude: Any = None,
        response_model_by_alias: bool = True,
        response_model_exclude_unset: bool = False,
        response_model_exclude_defaults: bool = False,
        response_model_exclude_none: bool = False,
        include_in_schema: bool = True,
        response_class: type[Response] | DefaultPlaceholder = Default(JSONResponse),
        dependency_overrides_provider: Any | None = None,
        callbacks: list[Any] | None = None,
        openapi_extra: dict[str, Any] | None = None,
        generate_unique_id_function: Callable[[APIRoute], str] | DefaultPlaceholder = Default(
            generate_unique_id
        ),
        strict_content_type: bool | DefaultPlaceholder = Default(True),
        max_body_size: int | None = None,
        form_limits: dict[str, int] | None = None,
    ) -> None:
        self.path = path
        self.endpoint = endpoint
        self.name = get_name(endpoint) if name is None else name
        self.path_regex, self.path_format, self.param_convertors = compile_path(path)
        self.methods: set[str] = {m.upper() for m in (methods if methods else ["GET"])}
        self.response_model = response_model
        self.status_code = int(status_code) if status_code is not None else None
        self.tags: list[str | Enum] = list(tags or [])
        self.dependencies: list[Depends] = list(dependencies or [])
        self.summary = summary
        self.description = _description(endpoint, description)
        self.response_description = response_description
        self.responses = dict(responses or {})
        self.deprecated = deprecated
        self.operation_id = operation_id
        self.response_model_include = response_model_include
        self.response_model_exclude = response_model_exclude
        self.response_model_by_alias = response_model_by_alias
        self.response_model_exclude_unset = response_model_exclude_unset
        self.response_model_exclude_defaults = response_model_exclude_defaults
        self.response_model_exclude_none = response_model_exclude_none
        self.include_in_schema = include_in_schema
        self.response_class = response_class
        self.dependency_overrides_provider = dependency_overrides_provider
        self.callbacks = callbacks
        self.openapi_extra = openapi_extra
        self.generate_unique_id_function = generate_unique_id_function
        self.strict_content_type = strict_content_type
        self.max_body_size = check_max_body_size(max_body_size)
        self.form_limits = check_form_limits(form_limits)
        unique_id = generate_unique_id_function
        if isinstance(unique_id, DefaultPlaceholder):
            unique_id = unique_id.value
        self.unique_id = operation_id or unique_id(self)
        self.compiled = compile_route(self.settings())
        self._custom_handler: RouteHandler | None = None
        if type(self).get_route_handler is not APIRoute.get_route_handler:
            self._custom_handler = self.get_route_handler()
        self.app = self._serve

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Starlette's `Route.matches` (the same steps, inline: it is on the request
        path); the child scope also names this route (`route`), as FastAPI's does,
        for routers that dispatch themselves (cadwyn)."""
        if scope["type"] == "http":
            found = self.path_regex.match(get_route_path(scope))
            if found:
                matched = found.groupdict()
                for key, value in matched.items():
                    matched[key] = self.param_convertors[key].convert(value)
                path_params = dict(scope.get("path_params", {}))
                path_params.update(matched)
                child = {"endpoint": self.endpoint, "path_params": path_params, "route": self}
                if self.methods and scope["method"] not in self.methods:
                    return Match.PARTIAL, child
                return Match.FULL, child
        return Match.NONE, {}

    def settings(
        self,
        *,
        prefix: str = "",
        dependencies: Sequence[Depends] = (),
        response_class: Any = Default(JSONResponse),
        strict_content_type: Any = Default(True),
        max_body_size: int | None = None,
        form_limits: Mapping[str, int] | None = None,
    ) -> RouteSettings:
        """The route's settings, under inclusions adding `prefix` and `dependencies`
        (and limits, used where the route sets none of its own)."""
        cls = get_value_or_default(self.response_class, response_class)
        strict = get_value_or_default(self.strict_content_type, strict_content_type)
        return RouteSettings(
            path=prefix + self.path,
            endpoint=self.endpoint,
            methods=frozenset(self.methods),
            name=self.name,
            dependencies=(*dependencies, *self.dependencies),
            status_code=self.status_code,
            response_model=self._response_model,
            response_class=cls.value if isinstance(cls, DefaultPlaceholder) else cls,
            class_is_default=isinstance(cls, DefaultPlaceholder),
            options=DumpOptions(
                include=self.response_model_include,
                exclude=self.response_model_exclude,
                by_alias=self.response_model_by_alias,
                exclude_unset=self.response_model_exclude_unset,
                exclude_defaults=self.response_model_exclude_defaults,
                exclude_none=self.response_model_exclude_none,
            ),
            strict_content_type=bool(
                strict.value if isinstance(strict, DefaultPlaceholder) else strict
            ),
            max_body_size=first_size(self.max_body_size, max_body_size),
            form_limits=merge_form_limits(self.form_limits, form_limits),
        )

    @property
    def response_model(self) -> Any:
        """The response model: the one declared, else the endpoint's return
        annotation (None without one, or for a `Response` class or `None`), as
        FastAPI's attribute."""
        model = self._response_model
        if isinstance(model, DefaultPlaceholder):
            from .._compile._compiler import _response_type

            found, has_field = _response_type(self.compiled.settings)
            return found if has_field else None
        return model

    @response_model.setter
    def response_model(self, value: Any) -> None:
        self._response_model = value

    # FastAPI's views of the route (extensions read and replace them): built on
    # first use from the compiled plan, never on the request path.

    @property
    def dependant(self) -> Any:
        """FastAPI's `Dependant` tree of the endpoint (a view of the compiled plan;
        assignable, as on FastAPI)."""
        found = self.__dict__.get("_dependant")
        if found is None:
            from .._internals.stand_in import shape
            from .._internals.views import dependant_of_plan

            found = dependant_of_plan(self.compiled.plan, self.path_format, scope="function")
            self.__dict__["_dependant"] = found
            self.__dict__["_dependant_shape"] = shape(found)
        return found

    @dependant.setter
    def dependant(self, value: Any) -> None:
        self.__dict__["_dependant"] = value
        self.__dict__.pop("_dependant_shape", None)  # an assigned tree is an edit

    def _body_view(self) -> tuple[Any, bool]:
        found = self.__dict__.get("_body_views")
        if found is None:
            from .._internals.views import body_field_of

            found = self.__dict__["_body_views"] = body_field_of(self.dependant, self.unique_id)
        return found

    @property
    def body_field(self) -> Any:
        """FastAPI's `ModelField` of the request body, or None (assignable)."""
        if "_body_field" in self.__dict__:
            return self.__dict__["_body_field"]
        return self._body_view()[0]

    @body_field.setter
    def body_field(self, value: Any) -> None:
        self.__dict__["_body_field"] = value

    @property
    def _embed_body_fields(self) -> bool:
        """Whether the body is an object keyed by the body parameters' names."""
        if "_embed" in self.__dict__:
            return bool(self.__dict__["_embed"])
        return self._body_view()[1]

    @_embed_body_fields.setter
    def _embed_body_fields(self, value: bool) -> None:
        self.__dict__["_embed"] = value

    @property
    def response_field(self) -> Any:
        """FastAPI's `ModelField` of the response model, or None (assignable)."""
        if "_response_field" not in self.__dict__:
            from .._compile._compiler import _response_type
            from .._internals.views import response_field_of

            model, has_field = _response_type(self.compiled.settings)
            self.__dict__["_response_field"] = response_field_of(model, has_field, self.unique_id)
        return self.__dict__["_response_field"]

    @response_field.setter
    def response_field(self, value: Any) -> None:
        self.__dict__["_response_field"] = value

    def get_route_handler(self) -> RouteHandler:
        """The `request -> response` function; override to wrap it (FastAPI docs:
        Custom Request and APIRoute class). Serves the route as it is now, as FastAPI
        0.165 does: the route itself from `route.dependant` once that was edited or
        replaced (its sub-dependencies solved in the tree's order), its copies under
        inclusions from its declaration (`route.dependencies` included, which
        fastapi-pagination appends to as well), both compiled again when changed."""
        self._recompile_if_changed()
        return route_handler(self.compiled)

    def _documented(self) -> CompiledRoute:
        """What the document describes: the route as compiled, or, once `route.dependant`
        was edited or replaced since, that tree (FastAPI documents `route.dependant`,
        even before `get_route_handler()` serves it)."""
        from .._internals.stand_in import serving_endpoint, shape

        state = self.__dict__
        dependant = state.get("_dependant")
        if dependant is None:
            return self.compiled
        key = shape(dependant)
        if key == state.get("_dependant_shape"):
            return self.compiled
        cached = state.get("_documented")
        if cached is None or cached[0] != key or cached[1] is not self.compiled:
            settings = dataclasses.replace(
                self.settings(), endpoint=serving_endpoint(dependant), dependencies=()
            )
            cached = state["_documented"] = (key, self.compiled, compile_route(settings))
        documented: CompiledRoute = cached[2]
        return documented

    def _recompile_if_changed(self) -> None:
        from .._internals.stand_in import serving_endpoint, shape

        state = self.__dict__
        dependant = state.get("_dependant")
        edited = dependant is not None and state.get("_dependant_shape") != shape(dependant)
        compiled_with = state.get("_compiled_dependencies", self.compiled.settings.dependencies)
        settings = self.settings()
        # A setting assigned since (cadwyn sets a copy's strict_content_type, path...).
        reset = settings != state.get("_compiled_settings", self.compiled.settings)
        if not edited and not reset and tuple(self.dependencies) == tuple(compiled_with):
            return
        if edited and dependant is not None:
            state["_serving_endpoint"] = serving_endpoint(dependant)
            state["_dependant_shape"] = shape(dependant)
        state["_compiled_settings"] = settings
        serving = state.get("_serving_endpoint")
        if serving is not None:  # the tree holds the route's own dependencies
            settings = dataclasses.replace(settings, endpoint=serving, dependencies=())
        self.compiled = compile_route(settings)
        state["_compiled_dependencies"] = tuple(self.dependencies)
        for view in ("_body_views", "_response_field"):
            state.pop(view, None)
        bump()  # the routers flatten again: the effective copies are compiled anew

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        compiled: CompiledRoute = scope.get(COMPILED, self.compiled)
        limit = compiled.settings.max_body_size
        if limit is not None:
            await serve_limited(limit, self._serve_unlimited, scope, receive, send)
        elif self._custom_handler is not None:
            await self._dispatch(compiled, scope, receive, send)
        else:  # `_dispatch()`, inlined: the common case (the container found if needed)
            await serve(compiled, None, scope, receive, send)

    async def _serve_unlimited(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._dispatch(scope.get(COMPILED, self.compiled), scope, receive, send)

    async def _dispatch(
        self, compiled: CompiledRoute, scope: Scope, receive: Receive, send: Send
    ) -> None:
        if self._custom_handler is not None:
            await serve_with_handler(
                self._custom_handler, container_of(scope), scope, receive, send
            )
        else:
            await serve(compiled, container_of(scope), scope, receive, send)
