"""FastAPI's `Dependant` tree, `body_field` and `response_field` as views of a
fastslim-di plan built by routing's own `Collector` (the one classification).

`get_dependant(path=..., call=...)` plans `call` exactly as `compile_route` does,
then reads the plan: each `DependencyNode` becomes a `Dependant`, each slot's
`ParamSpec` a `ModelField` in the list of its location, the special sources
(`Request`, `Response`, `BackgroundTasks`, `SecurityScopes`) the `*_param_name`s.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, create_model
from pydantic.fields import FieldInfo
from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.routing import compile_path
from starlette.websockets import WebSocket

import fastslim_di
from fastslim_di import DependencyNode, DependencyPlan, Depends, ParameterInfo, Security, build_plan
from fastslim_tasks import BackgroundTasks

from .. import exceptions, params
from .._compile._classify import DeclarationError
from .._compile._collector import Collector
from .._compile._late import late_source
from .._serve._slots import SlotSource
from .._serve._spec import BODY, COOKIE, FORM, HEADER, PATH, QUERY, ParamSpec
from .dependant import Dependant, get_flat_body_params
from .model_field import ModelField, lenient_issubclass

__all__ = (
    "body_field_of",
    "dependant_of_plan",
    "get_body_field",
    "get_dependant",
    "get_parameterless_sub_dependant",
    "model_field_of",
    "plan_for",
    "planned",
    "response_field_of",
    "should_embed_body_fields",
)

_LISTS = {
    PATH: "path_params",
    QUERY: "query_params",
    HEADER: "header_params",
    COOKIE: "cookie_params",
    BODY: "body_params",
    FORM: "body_params",
}
_BIND_DEPENDENCY = 0
_BIND_SOURCES = (1, 2)
_BIND_SECURITY_SCOPES = 3


def plan_for(
    call: Callable[..., Any], path: str, dependencies: Sequence[Depends] = ()
) -> DependencyPlan:
    """`call`'s plan with routing's collector for a route at `path`, as `compile_route`
    builds it; raises FastAPI's declaration errors (`AssertionError`, `DependencyScopeError`)."""
    return planned(call, path, dependencies)[0]


def planned(
    call: Callable[..., Any], path: str, dependencies: Sequence[Depends] = ()
) -> tuple[DependencyPlan, list[tuple[str, ParamSpec]]]:
    """`plan_for`, with the plan's request parameters as (slot, spec) pairs."""
    collector = Collector(frozenset(compile_path(path)[2]), late_source)
    try:
        plan = build_plan(call, dependencies=dependencies, resolver=collector)
    except fastslim_di.DependencyScopeError as exc:
        raise exceptions.DependencyScopeError(*exc.args) from None
    except DeclarationError as exc:
        raise AssertionError(str(exc)) from None
    collector.freeze()
    return plan, list(zip(collector.slots, collector.specs, strict=True))


def model_field_of(spec: ParamSpec) -> ModelField:
    """The `ModelField` of a request parameter: its declaration with the annotation
    to validate and, as FastAPI sets them, `alias` = the wire name (a header's
    `x_token` -> `x-token`) and, for an explicit alias, the same validation and
    serialization aliases."""
    info = copy.copy(spec.field)
    info.annotation = spec.annotation
    if info.alias is None:
        if not spec.is_model:
            info.alias = spec.alias
    elif info.validation_alias is None:
        info.validation_alias = info.alias
        info.serialization_alias = info.alias
    return ModelField(field_info=info, name=spec.name)


class _Builder:
    """Builds the views of one plan; one `ModelField` per slot, shared."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fields: dict[int, ModelField] = {}

    def field(self, spec: ParamSpec) -> ModelField:
        found = self.fields.get(id(spec))
        if found is None:
            found = self.fields[id(spec)] = model_field_of(spec)
        return found

    def fill(
        self,
        dependant: Dependant,
        bindings: Sequence[Any],
        parameters: Sequence[ParameterInfo],
        extra: Sequence[DependencyNode] = (),
    ) -> Dependant:
        infos = {info.name: info for info in parameters}
        scopes = [*(dependant.parent_oauth_scopes or ()), *(dependant.own_oauth_scopes or ())]
        for node in extra:
            dependant.dependencies.append(self.node(node, None, scopes, parameterless=True))
        for binding in bindings:
            name, bind, payload = binding.name, int(binding.bind), binding.payload
            if bind == _BIND_DEPENDENCY:
                dependant.dependencies.append(self.node(payload, name, scopes))
            elif bind == _BIND_SECURITY_SCOPES:
                dependant.security_scopes_param_name = name
            elif bind in _BIND_SOURCES:
                if isinstance(payload, SlotSource):
                    getattr(dependant, _LISTS[payload.spec.location]).append(
                        self.field(payload.spec)
                    )
                else:
                    self.special(dependant, name, infos[name].annotation)
        return dependant

    @staticmethod
    def special(dependant: Dependant, name: str, annotation: Any) -> None:
        if not isinstance(annotation, type):
            return
        if issubclass(annotation, WebSocket):
            dependant.websocket_param_name = name
        elif issubclass(annotation, Request):
            dependant.request_param_name = name
        elif issubclass(annotation, HTTPConnection):
            dependant.http_connection_param_name = name
        elif issubclass(annotation, Response):
            dependant.response_param_name = name
        elif issubclass(annotation, BackgroundTasks | StarletteBackgroundTasks):
            dependant.background_tasks_param_name = name

    def node(
        self,
        node: DependencyNode,
        name: str | None,
        parent_scopes: list[str],
        *,
        parameterless: bool = False,
    ) -> Dependant:
        depends = node.depends
        own = list(depends.scopes or ()) if isinstance(depends, Security) else []
        dependant = Dependant(
            name=name,
            call=node.call,
            own_oauth_scopes=own,
            parent_oauth_scopes=None if parameterless else parent_scopes,
            use_cache=node.use_cache,
            path=self.path,
            scope=depends.scope,  # type: ignore[arg-type]
        )
        return self.fill(dependant, node.bindings, node.parameters)


def dependant_of_plan(
    plan: DependencyPlan, path: str, *, name: str | None = None, scope: Any = None
) -> Dependant:
    """The `Dependant` tree of `plan` (its `dependencies=[...]` first, unnamed)."""
    root = Dependant(call=plan.call, name=name, path=path, scope=scope)
    return _Builder(path).fill(root, plan.bindings, plan.parameters, plan.dependencies)


def get_dependant(
    *,
    path: str,
    call: Callable[..., Any],
    name: str | None = None,
    own_oauth_scopes: list[str] | None = None,
    parent_oauth_scopes: list[str] | None = None,
    use_cache: bool = True,
    scope: Any = None,
    concurrency: Any = None,
) -> Dependant:
    """FastAPI's `get_dependant`: the tree of `call` for a route at `path` (names in
    `path` are path parameters). Raises `AssertionError` for declarations FastAPI
    refuses, as FastAPI does."""
    plan = plan_for(call, path)
    builder = _Builder(path)
    parent = list(parent_oauth_scopes) if parent_oauth_scopes is not None else None
    root = Dependant(
        call=call,
        name=name,
        path=path,
        own_oauth_scopes=own_oauth_scopes,
        parent_oauth_scopes=parent,
        use_cache=use_cache,
        scope=scope,
        concurrency=concurrency,
    )
    return builder.fill(root, plan.bindings, plan.parameters)


def get_parameterless_sub_dependant(*, depends: Depends, path: str) -> Dependant:
    """The `Dependant` of a `dependencies=[...]` entry: unnamed, its OAuth scopes
    its own (`Security(..., scopes=[...])`). Raises `AssertionError` when
    `depends` names no callable."""
    call = depends.dependency
    if not callable(call):
        raise AssertionError("A parameter-less dependency must have a callable dependency")
    own = list(depends.scopes or ()) if isinstance(depends, Security) else []
    return get_dependant(
        path=path,
        call=call,
        own_oauth_scopes=own,
        use_cache=depends.use_cache,
        scope=depends.scope,
    )


def should_embed_body_fields(fields: Sequence[ModelField]) -> bool:
    """Whether the body is an object keyed by the fields' names: several body
    parameters, `Body(embed=True)`, or form fields that are not one model."""
    if not fields:
        return False
    if len({field.name for field in fields}) > 1:
        return True
    first = fields[0].field_info
    if getattr(first, "embed", False):
        return True
    return isinstance(first, params.Form) and not lenient_issubclass(first.annotation, BaseModel)


def get_body_field(
    *, body_params: list[ModelField], name: str, embed_body_fields: bool
) -> ModelField | None:
    """The route's body field: None without body parameters, the one parameter's
    own field when not embedded, else a field `body` of a model `Body_<name>`
    whose fields are the parameters (by alias)."""
    if not body_params:
        return None
    if not embed_body_fields:
        return body_params[0]
    definitions: dict[str, Any] = {}
    for field in body_params:
        definitions.setdefault(field.alias, (field.field_info.annotation, field.field_info))
    model: type[BaseModel] = create_model(f"Body_{name}", **definitions)
    required = any(field.field_info.is_required() for field in body_params)
    kind = params.Body
    if any(isinstance(field.field_info, params.Form) for field in body_params):
        kind = (
            params.File
            if any(isinstance(field.field_info, params.File) for field in body_params)
            else params.Form
        )
    info = kind(annotation=model) if required else kind(None, annotation=model)
    return ModelField(field_info=info, name="body")


def body_field_of(dependant: Dependant, unique_id: str) -> tuple[ModelField | None, bool]:
    """A route's (`body_field`, `_embed_body_fields`) from its `Dependant`."""
    flat = get_flat_body_params(dependant)
    embed = should_embed_body_fields(flat)
    return get_body_field(body_params=flat, name=unique_id, embed_body_fields=embed), embed


def response_field_of(response_type: Any, has_field: bool, unique_id: str) -> ModelField | None:
    """A route's `response_field`: its response model, to serialize."""
    if not has_field or response_type is None:
        return None
    return ModelField(
        field_info=FieldInfo(annotation=response_type),
        name=f"Response_{unique_id}",
        mode="serialization",
    )
