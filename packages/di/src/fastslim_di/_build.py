"""Building plans: read signatures once, resolve every parameter, check misuse."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Annotated, Any, Literal, get_args, get_origin

from ._callables import call_kind, callable_name, signature_of
from ._depends import Depends, Security
from ._errors import DependencyCycleError, DependencyDeclarationError
from ._plan import (
    EMPTY,
    Bind,
    Binding,
    DependencyNode,
    DependencyPlan,
    ParameterInfo,
    ParameterResolver,
    describe_annotation,
)
from ._scopes import check_scopes
from ._security import SecurityScopes

_POSITIONAL_ONLY = inspect.Parameter.POSITIONAL_ONLY
_VARIADIC = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)

Unresolved = Literal["error", "caller"]


def _strip_alias(annotation: Any) -> Any:
    # PEP 695 `type X = Annotated[...]` aliases (TypeAliasType) expose __value__.
    while type(annotation).__name__ == "TypeAliasType" and hasattr(annotation, "__value__"):
        annotation = annotation.__value__
    return annotation


def _split_annotation(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    annotation = _strip_alias(annotation)
    if get_origin(annotation) is Annotated:
        inner, *metadata = get_args(annotation)
        return inner, tuple(metadata)
    return annotation, ()


def _is_security_scopes(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, SecurityScopes)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


class _Builder:
    """Builds the nodes of one plan; shared nodes are built once (memo)."""

    def __init__(self, resolver: ParameterResolver | None) -> None:
        self.resolver = resolver
        self._memo: dict[Any, DependencyNode] = {}

    # -- parameters ---------------------------------------------------------

    def bindings(
        self,
        owner: Callable[..., Any],
        *,
        scopes: tuple[str, ...],
        path: tuple[Any, ...],
        unresolved: Unresolved,
        is_root: bool,
    ) -> tuple[list[Binding], list[ParameterInfo], list[DependencyNode], set[str]]:
        owner_name = callable_name(owner)
        purpose = "the function" if is_root else "the dependency"
        signature = signature_of(owner, purpose=purpose)
        bindings: list[Binding] = []
        infos: list[ParameterInfo] = []
        children: list[DependencyNode] = []
        caller: set[str] = set()
        pending_defaults: list[Binding] = []
        for param in signature.parameters.values():
            if param.kind in _VARIADIC:
                continue
            annotation, metadata = _split_annotation(param.annotation)
            in_annotated = [item for item in metadata if isinstance(item, Depends)]
            in_default = param.default if isinstance(param.default, Depends) else None
            if in_annotated and in_default is not None:
                raise DependencyDeclarationError(
                    f'Parameter "{param.name}" of "{owner_name}" declares Depends both in '
                    f"Annotated ({in_annotated[-1]!r}) and as its default value "
                    f"({in_default!r}); keep only one."
                )
            depends = in_annotated[-1] if in_annotated else in_default
            other = tuple(item for item in metadata if not isinstance(item, Depends))
            default = EMPTY if in_default is not None else param.default
            info = ParameterInfo(owner, param.name, annotation, other, default, param.kind)
            positional = param.kind is _POSITIONAL_ONLY
            binding: Binding | None = None
            if depends is not None:
                child = self.node_for_param(owner_name, info, depends, scopes=scopes, path=path)
                children.append(child)
                binding = Binding(param.name, Bind.DEPENDENCY, child, positional)
            elif _is_security_scopes(annotation):
                binding = Binding(param.name, Bind.SECURITY_SCOPES, None, positional)
            else:
                source = self.resolver(info) if self.resolver is not None else None
                if source is not None:
                    if not callable(source):
                        raise DependencyDeclarationError(
                            f"The parameter resolver returned {source!r} for parameter "
                            f'"{param.name}" of "{owner_name}", which is not callable.'
                        )
                    kind = Bind.ASYNC_SOURCE if call_kind(source).is_async else Bind.SOURCE
                    binding = Binding(param.name, kind, source, positional)
                elif param.default is not EMPTY:
                    if positional:
                        pending_defaults.append(
                            Binding(param.name, Bind.CONSTANT, param.default, positional)
                        )
                    continue
                elif unresolved == "caller" and is_root:
                    caller.add(param.name)
                    continue
                else:
                    raise DependencyDeclarationError(
                        f'Parameter "{param.name}" of "{owner_name}" cannot be provided: it '
                        f"has no default value, no Depends(...), and no parameter source "
                        f"handles its annotation {describe_annotation(annotation)}."
                    )
            if positional and is_root:
                raise DependencyDeclarationError(
                    f'Parameter "{param.name}" of "{owner_name}" is positional-only; solved '
                    f"values are passed by keyword, so it cannot be injected."
                )
            if positional:
                # Positional arguments must be passed in order: pass skipped defaults too.
                bindings.extend(pending_defaults)
            pending_defaults.clear()
            bindings.append(binding)
            infos.append(info)
        return bindings, infos, children, caller

    # -- nodes --------------------------------------------------------------

    def node_for_param(
        self,
        owner_name: str,
        info: ParameterInfo,
        depends: Depends,
        *,
        scopes: tuple[str, ...],
        path: tuple[Any, ...],
    ) -> DependencyNode:
        call = depends.dependency
        if call is None:
            call = info.annotation
            if call is EMPTY or not callable(call):
                raise DependencyDeclarationError(
                    f'Parameter "{info.name}" of "{owner_name}" uses {type(depends).__name__}() '
                    f"with no dependency, so its annotation is called, but the annotation "
                    f"{describe_annotation(call)} is not callable."
                )
        elif not callable(call):
            raise DependencyDeclarationError(
                f'Parameter "{info.name}" of "{owner_name}" depends on {call!r}, which is '
                f"not callable."
            )
        for index, ancestor in enumerate(path):
            if ancestor is call or (ancestor == call and _hashable(call)):
                names = [callable_name(item) for item in path[index:]] + [callable_name(call)]
                raise DependencyCycleError(
                    f'Dependency cycle: {" -> ".join(names)} (parameter "{info.name}" of '
                    f'"{owner_name}" depends on "{callable_name(call)}").'
                )
        return self.node(call, depends, scopes=scopes, path=path)

    def node(
        self,
        call: Callable[..., Any],
        depends: Depends,
        *,
        scopes: tuple[str, ...],
        path: tuple[Any, ...],
    ) -> DependencyNode:
        own_scopes = scopes
        if isinstance(depends, Security) and depends.scopes:
            own_scopes = scopes + depends.scopes
        memo_key: Any = None
        if _hashable(call):
            depends_key = depends if depends.limiter is None else id(depends)
            memo_key = (call, depends_key, own_scopes)
            found = self._memo.get(memo_key)
            if found is not None:
                return found
        bindings, infos, _children, _ = self.bindings(
            call, scopes=own_scopes, path=(*path, call), unresolved="error", is_root=False
        )
        node = DependencyNode(
            call=call,
            depends=depends,
            bindings=tuple(bindings),
            parameters=tuple(infos),
            inherited_scopes=scopes,
            security_scopes=own_scopes,
            # An unhashable callable (an instance defining __eq__ only) is keyed by
            # identity; the node keeps it alive, so its id stays unique.
            identity=call if memo_key is not None else ("id", id(call)),
            resolver=self.resolver,
        )
        check_scopes(node)
        if memo_key is not None:
            self._memo[memo_key] = node
        return node


def replacement_node(original: DependencyNode, call: Callable[..., Any]) -> DependencyNode:
    """The node of an override of `original`: the replacement's own plan, with
    the original's `Depends` settings and inherited security scopes.

    Calls the resolver the original's plan was built with, for the replacement's
    parameters (see `ParameterResolver`). Raises `DependencyDeclarationError`
    (or a subclass) when the replacement cannot stand in.
    """
    if not callable(call):
        raise DependencyDeclarationError(
            f'The override of the dependency "{original.name}" is {call!r}, which is not callable.'
        )
    builder = _Builder(original.resolver)
    return builder.node(call, original.depends, scopes=original.inherited_scopes, path=())


def build_plan(
    call: Callable[..., Any],
    *,
    dependencies: Sequence[Depends] = (),
    resolver: ParameterResolver | None = None,
    unresolved: Unresolved = "error",
) -> DependencyPlan:
    """Read `call`'s parameters and every dependency below them, once.

    - `dependencies`: extra dependencies solved first, their values discarded
      (routing's `dependencies=[Depends(...)]`).
    - `resolver`: the host's `ParameterResolver` for parameters that are not
      dependencies (query, `Request`...). Without one, such parameters keep their
      default value.
    - `unresolved="caller"` (used by `@inject`): a parameter of `call` nothing can
      provide is left for the caller instead of being an error.

    Raises `DependencyDeclarationError` (or its subclasses
    `DependencyCycleError`, `DependencyScopeError`) on misuse.
    """
    if not callable(call):
        raise DependencyDeclarationError(f"build_plan() expects a callable, got {call!r}.")
    builder = _Builder(resolver)
    extra: list[DependencyNode] = []
    for index, depends in enumerate(_check_dependencies(call, dependencies)):
        if depends.dependency is None:
            raise DependencyDeclarationError(
                f'Dependency {index} of the dependencies of "{callable_name(call)}" is '
                f"{depends!r}, with no dependency to call (there is no annotation to use)."
            )
        info = ParameterInfo(call, f"dependencies[{index}]", EMPTY, (), EMPTY, _POSITIONAL_ONLY)
        extra.append(
            builder.node_for_param(callable_name(call), info, depends, scopes=(), path=(call,))
        )
    bindings, infos, _children, caller = builder.bindings(
        call, scopes=(), path=(call,), unresolved=unresolved, is_root=True
    )
    return DependencyPlan(
        call=call,
        bindings=tuple(bindings),
        dependencies=tuple(extra),
        parameters=tuple(infos),
        caller_parameters=frozenset(caller),
        argument_names=tuple(
            name
            for name, param in signature_of(call, purpose="the function").parameters.items()
            if param.kind not in _VARIADIC
        ),
    )


def _check_dependencies(call: Callable[..., Any], items: Iterable[Any]) -> list[Depends]:
    checked: list[Depends] = []
    for index, item in enumerate(items):
        if not isinstance(item, Depends):
            raise DependencyDeclarationError(
                f'Dependency {index} of the dependencies of "{callable_name(call)}" is '
                f"{item!r}; expected Depends(...) or Security(...)."
            )
        checked.append(item)
    return checked
