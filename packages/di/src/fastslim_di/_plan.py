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
from typing import Any, NamedTuple, Protocol

from ._callables import CallKind, call_kind, callable_name
from ._depends import Depends
from ._scopes import Level, cache_level, effective_scope

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

    Called for every such parameter of the callable and of each dependency below
    it, at exactly two moments:

    - when a plan is built (`build_plan`, `Container.plan`), once per parameter;
    - while solving, when a dependency override is in force and its replacement
      is used for the first time in place of a given dependency: the
      replacement's own plan is built then, in the solving task, with the
      resolver the original plan was built with. This happens once per
      (dependency, replacement) for as long as the override stays in place:
      again in each new `with container.override(...)` block, and again after
      `dependency_overrides` changes.

    Never otherwise: solving with no override in force calls no resolver. Keep
    it cheap and non-blocking (it may run on the event loop).
    """

    def __call__(self, parameter: ParameterInfo, /) -> ParameterSource | None: ...


class Bind(enum.IntEnum):
    """Where a parameter's value comes from."""

    DEPENDENCY = 0
    SOURCE = 1
    ASYNC_SOURCE = 2
    SECURITY_SCOPES = 3
    CONSTANT = 4


# `DependencyNode.lookup`: how the solver finds a cached value (the overrides,
# when some are set, are looked up first on every path).
LOOKUP_SOLVE = 0  # cached in the solve's cache
LOOKUP_REQUEST = 1  # cached in the request scope's cache
LOOKUP_NONE = 2  # use_cache=False: called every time
LOOKUP_APP = 3  # app-scoped: the container's cache, behind a lock


class Binding(NamedTuple):
    """Where the value of one parameter comes from."""

    name: str
    """The parameter's name."""
    bind: Bind
    """The kind of source."""
    payload: Any
    """The `DependencyNode`, the host's source, or the constant value."""
    positional: bool
    """Passed positionally (a positional-only parameter of a dependency)."""


_HOST_SOURCES = (Bind.SOURCE, Bind.ASYNC_SOURCE)


class DependencyNode:
    """One dependency in a plan: a callable, how to call it and its inputs.

    Read-only for hosts: `call`, `depends`, `kind`, `scope` (effective),
    `security_scopes` (accumulated), `dependencies` (child nodes) and
    `parameters` (the `ParameterInfo` of every parameter it receives).
    Everything else is derived here, once, for the solver.
    """

    __slots__ = (
        "bindings",
        "cache_key",
        "call",
        "dependencies",
        "depends",
        "has_async_generator",
        "has_generator",
        "has_positional",
        "host_parameters",
        "inherited_scopes",
        "is_root",
        "kind",
        "leaf_async",
        "level",
        "limiter",
        "lookup",
        "name",
        "override_key",
        "parameters",
        "plain_async",
        "resolver",
        "scope",
        "security_scopes",
        "steps",
        "subtree_scopes",
        "sync_solvable",
        "use_cache",
        "uses_app_scope",
        "uses_host_sources",
        "uses_security_scopes",
    )

    def __init__(
        self,
        *,
        call: Callable[..., Any],
        depends: Depends,
        bindings: tuple[Binding, ...],
        parameters: tuple[ParameterInfo, ...],
        inherited_scopes: tuple[str, ...],
        security_scopes: tuple[str, ...],
        identity: Any,
        resolver: ParameterResolver | None,
        is_root: bool = False,
    ) -> None:
        """`identity` is `call` when hashable (else a stand-in, unique for the
        node's life); `resolver` is kept to build the plans of overrides.
        `is_root`: the root of a plan, whose value is its keyword arguments."""
        kind = call_kind(call)
        children = tuple(b.payload for b in bindings if b.bind is Bind.DEPENDENCY)
        self.call = call
        self.name = callable_name(call)
        self.kind = kind
        self.depends = depends
        self.bindings = bindings
        # The same, as plain tuples: the solver unpacks them in its loop, and
        # unpacking a tuple subclass (a NamedTuple) is about 2.5 times slower.
        self.steps: tuple[tuple[str, Bind, Any, bool], ...] = tuple(map(tuple, bindings))
        self.parameters = parameters
        self.dependencies = children
        self.resolver = resolver
        self.inherited_scopes = inherited_scopes
        self.security_scopes = security_scopes
        self.has_positional = any(b.positional for b in bindings)
        self.use_cache = depends.use_cache
        self.scope = effective_scope(depends, kind)
        self.level = cache_level(self.scope)
        self.uses_security_scopes = any(b.bind is Bind.SECURITY_SCOPES for b in bindings) or any(
            child.uses_security_scopes for child in children
        )
        self.subtree_scopes = frozenset(
            scope for child in children for scope in (child.scope, *child.subtree_scopes)
        )
        self.host_parameters = tuple(b.name for b in bindings if b.bind in _HOST_SOURCES)
        self.uses_host_sources = bool(self.host_parameters) or any(
            child.uses_host_sources for child in children
        )
        self.uses_app_scope = self.scope == "app" or any(c.uses_app_scope for c in children)
        self.has_generator = kind.is_generator or any(c.has_generator for c in children)
        self.has_async_generator = kind is CallKind.ASYNC_GENERATOR or any(
            c.has_async_generator for c in children
        )
        self.limiter = depends.limiter
        self.sync_solvable = (
            not kind.is_async
            and self.limiter is None
            and not any(b.bind is Bind.ASYNC_SOURCE for b in bindings)
            and all(child.sync_solvable for child in children)
        )
        self.is_root = is_root
        self.plain_async = kind is CallKind.ASYNC_FUNCTION and self.limiter is None and not is_root
        self.leaf_async = self.plain_async and not bindings
        if self.level is Level.APP:
            self.lookup = LOOKUP_APP
        elif not self.use_cache:
            self.lookup = LOOKUP_NONE
        else:
            self.lookup = LOOKUP_SOLVE if self.level is Level.SOLVE else LOOKUP_REQUEST
        self.cache_key = (
            identity,
            self.scope,
            security_scopes if self.uses_security_scopes else None,
        )
        override_key = depends.dependency if depends.dependency is not None else call
        self.override_key = override_key if _hashable(override_key) else None

    def __repr__(self) -> str:
        return f"<DependencyNode {self.name} scope={self.scope!r} kind={self.kind.name}>"


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _collect(**kwargs: Any) -> dict[str, Any]:
    """What a plan's root node stands for: its value is its keyword arguments
    (the solver returns them without calling anything)."""
    return kwargs


_ROOT_DEPENDS = Depends(_collect)


class DependencyPlan:
    """The plan of one callable (an endpoint, an `@inject` function).

    `dependencies` are solved first for their effects (routing's
    `dependencies=[...]`), then each binding of the callable's own parameters.
    Parameters in `caller_parameters` are left to the caller. `argument_names`
    lists every named parameter in order (to map positional arguments);
    `is_async` tells whether calling `call` returns an awaitable;
    `sync_solvable` whether the sync driver can solve it (no async dependency
    or source, no `max_concurrency`); `has_async_generator` whether an async
    yield dependency is in it (overrides aside), so that its request scope
    needs a cancel guard (`Container.needs_cancel_guard`).
    """

    __slots__ = (
        "_roots",
        "argument_names",
        "bindings",
        "call",
        "caller_parameters",
        "dependencies",
        "discarded",
        "full_root",
        "has_async_generator",
        "is_async",
        "name",
        "parameters",
        "sync_solvable",
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
        self.name = callable_name(call)
        self.bindings = bindings
        self.dependencies = dependencies
        self.parameters = parameters
        self.caller_parameters = caller_parameters
        # The root node solves `dependencies` (under names no parameter can
        # have, discarded afterwards) then the bindings, with the solver's one
        # argument loop; its call returns the keyword arguments.
        self.discarded = tuple(f"dependencies[{index}]" for index in range(len(dependencies)))
        extra = tuple(
            Binding(name, Bind.DEPENDENCY, node, False)
            for name, node in zip(self.discarded, dependencies, strict=True)
        )
        root = DependencyNode(
            call=_collect,
            depends=_ROOT_DEPENDS,
            bindings=extra + bindings,
            parameters=parameters,
            inherited_scopes=(),
            security_scopes=(),
            identity=None,
            resolver=None,
            is_root=True,
        )
        self.full_root = root
        self._roots: dict[frozenset[str], DependencyNode] = {frozenset(): root}
        children = root.dependencies
        self.uses_app_scope = any(child.uses_app_scope for child in children)
        self.has_async_generator = root.has_async_generator
        self.uses_host_sources = root.uses_host_sources
        self.sync_solvable = all(child.sync_solvable for child in children) and not any(
            b.bind is Bind.ASYNC_SOURCE for b in bindings
        )

    def __repr__(self) -> str:
        return f"<DependencyPlan of {self.name}>"

    def root(self, skip: frozenset[str] = frozenset()) -> DependencyNode:
        """The node the solver starts from, without the parameters in `skip`
        (given by the caller). One per set of names skipped, built once."""
        root = self._roots.get(skip)
        if root is None:
            full = self._roots[frozenset()]
            root = DependencyNode(
                call=_collect,
                depends=_ROOT_DEPENDS,
                bindings=tuple(b for b in full.bindings if b.name not in skip),
                parameters=self.parameters,
                inherited_scopes=(),
                security_scopes=(),
                identity=None,
                resolver=None,
                is_root=True,
            )
            self._roots[skip] = root
        return root

    def iter_nodes(
        self, substitute: Callable[[DependencyNode], DependencyNode] | None = None
    ) -> Iterator[DependencyNode]:
        """Every dependency node once, depth first, in solving order; `substitute`
        (node -> the node solved in its place) walks the tree a solve under
        overrides sees (`Container.effective_nodes`)."""
        seen: set[int] = set()

        def walk(node: DependencyNode) -> Iterator[DependencyNode]:
            if substitute is not None:
                node = substitute(node)
            if id(node) in seen:
                return
            seen.add(id(node))
            for child in node.dependencies:
                yield from walk(child)
            yield node

        for child in self._roots[frozenset()].dependencies:
            yield from walk(child)

    def sources(self) -> list[tuple[ParameterInfo, ParameterSource]]:
        """Every parameter filled by a host source, in the whole tree, as
        `(parameter, source)` pairs: the function's own first, then each
        dependency's in solving order."""
        found: list[tuple[ParameterInfo, ParameterSource]] = []
        infos = {info.name: info for info in self.parameters}
        for binding in self.bindings:
            if binding.bind in _HOST_SOURCES:
                found.append((infos[binding.name], binding.payload))
        for node in self.iter_nodes():
            node_infos = {info.name: info for info in node.parameters}
            for binding in node.bindings:
                if binding.bind in _HOST_SOURCES:
                    found.append((node_infos[binding.name], binding.payload))
        return found


def describe_annotation(annotation: Any) -> str:
    """A readable form of an annotation for messages."""
    if annotation is EMPTY:
        return "(none)"
    if isinstance(annotation, type):
        return annotation.__qualname__
    return repr(annotation)


OverrideMap = Mapping[Callable[..., Any], Callable[..., Any]]
