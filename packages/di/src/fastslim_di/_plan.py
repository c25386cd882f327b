"""The plan of a callable: which parameter comes from where, computed once.

A plan is a tree of `DependencyNode`s under a `DependencyPlan` root. Solving walks
it without inspecting any signature. Hosts (routing) read it to find every
parameter source (`DependencyPlan.sources`) and every dependency
(`DependencyPlan.iter_nodes`), for validation and OpenAPI.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ._callables import CallKind, call_kind
from ._depends import DependencyScope, Depends

if TYPE_CHECKING:
    from ._limiter import SlotLimiter

EMPTY: Any = inspect.Parameter.empty
"""The `annotation` or `default` of a `ParameterInfo` that has none."""


@dataclass(frozen=True, slots=True)
class ParameterInfo:
    """A parameter of a callable, as a `ParameterResolver` sees it.

    `annotation` has `Annotated[...]` stripped; its extras are in `metadata`
    (any `Depends` removed). `annotation` and `default` are `EMPTY` when absent.
    """

    owner: Callable[..., Any]
    name: str
    annotation: Any
    metadata: tuple[Any, ...]
    default: Any
    kind: inspect._ParameterKind

    @property
    def has_default(self) -> bool:
        return self.default is not EMPTY


class SolveContext(Protocol):
    """What a `ParameterSource` receives: the host's values for this request."""

    @property
    def values(self) -> dict[Any, Any]: ...


class ParameterSource(Protocol):
    """Produces the value of one parameter at solve time.

    Called with the `SolveContext` (a `RequestScope`); may be sync (called inline
    on the event loop: keep it cheap) or `async def` (awaited). Whether it is
    async is decided once, when the plan is built.
    """

    def __call__(self, context: SolveContext, /) -> Any: ...


class ParameterResolver(Protocol):
    """The host's hook: return a source for a parameter that is not a dependency,
    or `None` to leave it to fastslim-di (its default value, else an error).

    Called once per parameter when a plan is built, never while solving.
    """

    def __call__(self, parameter: ParameterInfo, /) -> ParameterSource | None: ...


class Bind(enum.IntEnum):
    """Where a parameter's value comes from."""

    DEPENDENCY = 0
    SOURCE = 1
    ASYNC_SOURCE = 2
    SECURITY_SCOPES = 3
    CONSTANT = 4


class Level(enum.IntEnum):
    """Where a dependency's cached value lives."""

    SOLVE = 0
    REQUEST = 1
    APP = 2


# `DependencyNode.lookup`: how the sequential solver finds a cached value (the
# overrides, when some are set, are looked up first on every path).
LOOKUP_SOLVE = 0  # cached in the solve's cache
LOOKUP_REQUEST = 1  # cached in the request scope's cache
LOOKUP_NONE = 2  # use_cache=False: called every time
LOOKUP_APP = 3  # app-scoped: the container's cache, behind a lock

Binding = tuple[str, Bind, Any, bool]
"""(parameter name, bind kind, payload, passed positionally)."""


class DependencyNode:
    """One dependency in a plan: a callable, how to call it and its inputs.

    Read-only for hosts: `call`, `depends`, `kind`, `scope` (effective),
    `security_scopes` (accumulated), `dependencies` (child nodes) and
    `parameters` (the `ParameterInfo` of every parameter it receives).
    """

    __slots__ = (
        "_builder",
        "_inherited_scopes",
        "_overridden",
        "all_sync",
        "bindings",
        "cache_key",
        "call",
        "dependencies",
        "depends",
        "has_positional",
        "kind",
        "leaf_async",
        "level",
        "limiter",
        "lookup",
        "name",
        "override_key",
        "parameters",
        "plain_async",
        "scope",
        "security_scopes",
        "subtree_scopes",
        "use_cache",
        "uses_app_scope",
        "uses_host_sources",
        "uses_security_scopes",
    )

    call: Callable[..., Any]
    name: str
    kind: CallKind
    depends: Depends
    bindings: tuple[Binding, ...]
    has_positional: bool
    use_cache: bool
    scope: DependencyScope | None
    level: Level
    cache_key: Any
    security_scopes: tuple[str, ...]
    subtree_scopes: frozenset[DependencyScope | None]
    uses_security_scopes: bool
    uses_host_sources: bool
    uses_app_scope: bool
    all_sync: bool
    limiter: SlotLimiter | None
    lookup: int
    plain_async: bool
    leaf_async: bool
    override_key: Any
    dependencies: tuple[DependencyNode, ...]
    parameters: tuple[ParameterInfo, ...]
    _builder: Any
    _inherited_scopes: tuple[str, ...]
    _overridden: dict[Any, DependencyNode]

    def __repr__(self) -> str:
        return f"<DependencyNode {self.name} scope={self.scope!r} kind={self.kind.name}>"

    def overridden_by(self, replacement: Callable[..., Any]) -> DependencyNode:
        """The node of `replacement` standing in for this one (built once, then reused)."""
        node = self._overridden.get(replacement)
        if node is None:
            node = self._builder.replacement(self, replacement)
            self._overridden[replacement] = node
        return node


class DependencyPlan:
    """The plan of one callable (an endpoint, an `@inject` function).

    `dependencies` are solved first for their effects (routing's
    `dependencies=[...]`), then each binding of the callable's own parameters.
    Parameters in `caller_parameters` are left to the caller. `argument_names`
    lists every named parameter in order (to map positional arguments);
    `is_async` tells whether calling `call` returns an awaitable.
    """

    __slots__ = (
        "all_sync",
        "argument_names",
        "bindings",
        "call",
        "caller_parameters",
        "dependencies",
        "is_async",
        "name",
        "parameters",
        "uses_app_scope",
        "uses_host_sources",
    )

    def __init__(
        self,
        *,
        call: Callable[..., Any],
        bindings: tuple[Binding, ...],
        dependencies: tuple[DependencyNode, ...],
        parameters: tuple[ParameterInfo, ...],
        caller_parameters: frozenset[str],
        argument_names: tuple[str, ...],
    ) -> None:
        self.call = call
        self.is_async = call_kind(call).is_async
        self.argument_names = argument_names
        self.name = getattr(call, "__name__", type(call).__name__)
        self.bindings = bindings
        self.dependencies = dependencies
        self.parameters = parameters
        self.caller_parameters = caller_parameters
        children = [b[2] for b in bindings if b[1] is Bind.DEPENDENCY]
        children.extend(dependencies)
        self.uses_app_scope = any(child.uses_app_scope for child in children)
        self.uses_host_sources = any(child.uses_host_sources for child in children) or any(
            b[1] in (Bind.SOURCE, Bind.ASYNC_SOURCE) for b in bindings
        )
        self.all_sync = all(child.all_sync for child in children) and not any(
            b[1] is Bind.ASYNC_SOURCE for b in bindings
        )

    def __repr__(self) -> str:
        return f"<DependencyPlan of {self.name}>"

    def iter_nodes(self) -> Iterator[DependencyNode]:
        """Every dependency node once, depth first, in solving order."""
        seen: set[int] = set()

        def walk(node: DependencyNode) -> Iterator[DependencyNode]:
            if id(node) in seen:
                return
            seen.add(id(node))
            for child in node.dependencies:
                yield from walk(child)
            yield node

        for dep in self.dependencies:
            yield from walk(dep)
        for binding in self.bindings:
            if binding[1] is Bind.DEPENDENCY:
                yield from walk(binding[2])

    def sources(self) -> list[tuple[ParameterInfo, ParameterSource]]:
        """Every parameter filled by a host source, in the whole tree."""
        found: list[tuple[ParameterInfo, ParameterSource]] = []
        infos = {(info.owner, info.name): info for info in self.parameters}
        for binding in self.bindings:
            if binding[1] in (Bind.SOURCE, Bind.ASYNC_SOURCE):
                found.append((infos[(self.call, binding[0])], binding[2]))
        for node in self.iter_nodes():
            node_infos = {info.name: info for info in node.parameters}
            for binding in node.bindings:
                if binding[1] in (Bind.SOURCE, Bind.ASYNC_SOURCE):
                    found.append((node_infos[binding[0]], binding[2]))
        return found


def describe_annotation(annotation: Any) -> str:
    """A readable form of an annotation for messages."""
    if annotation is EMPTY:
        return "(none)"
    if isinstance(annotation, type):
        return annotation.__qualname__
    return repr(annotation)


OverrideMap = Mapping[Callable[..., Any], Callable[..., Any]]
