# Parameters declared the FastAPI way, `x: T = Depends(f)`:
# mypy: disable-error-code="assignment"
from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

import pytest

from fastslim_di import (
    EMPTY,
    CallKind,
    DependencyCycleError,
    DependencyDeclarationError,
    DependencyPlan,
    Depends,
    ParameterInfo,
    Security,
    SecurityScopes,
    build_plan,
)
from fastslim_di._plan import Bind


class Query:
    """A host marker, as routing's Query() would be."""

    def __init__(self, alias: str | None = None) -> None:
        self.alias = alias


class Request:
    pass


def get_settings() -> dict[str, str]:
    return {"env": "test"}


async def get_db(settings: Annotated[dict[str, str], Depends(get_settings)]) -> str:
    return "db"


def get_user(db: str = Depends(get_db), token: str = "anonymous") -> str:
    return db + token


def endpoint(
    user: Annotated[str, Depends(get_user)],
    db: str = Depends(get_db),
    limit: int = 10,
) -> None:
    pass


def test_plan_shape() -> None:
    plan = build_plan(endpoint)
    assert isinstance(plan, DependencyPlan)
    assert plan.call is endpoint
    assert plan.name == "endpoint"
    assert [b[0] for b in plan.bindings] == ["user", "db"]  # limit keeps its default
    assert plan.argument_names == ("user", "db", "limit")
    nodes = list(plan.iter_nodes())
    assert [node.name for node in nodes] == ["get_settings", "get_db", "get_user"]
    user_node = plan.bindings[0][2]
    db_node = plan.bindings[1][2]
    assert user_node.dependencies[0] is db_node  # shared node, built once
    assert db_node.kind is CallKind.ASYNC_FUNCTION
    assert user_node.kind is CallKind.SYNC_FUNCTION
    assert [info.name for info in user_node.parameters] == ["db"]
    assert plan.sync_solvable is False
    assert plan.uses_app_scope is False
    assert plan.uses_host_sources is False
    assert "get_user" in repr(user_node)
    assert "endpoint" in repr(plan)


def test_string_annotations_with_annotated_depends() -> None:
    # This module uses `from __future__ import annotations`.
    node = build_plan(endpoint).bindings[1][2]
    assert node.dependencies[0].call is get_settings


class Service:
    def __init__(self, db: str = Depends(get_db)) -> None:
        self.db = db


def test_depends_without_argument_uses_the_annotated_class() -> None:
    def handler(a: Annotated[Service, Depends()], b: Service = Depends()) -> None:
        pass

    plan = build_plan(handler)
    assert plan.bindings[0][2].call is Service
    assert plan.bindings[1][2].call is Service
    assert plan.bindings[0][2].dependencies[0].call is get_db


def test_last_depends_in_annotated_wins() -> None:
    def handler(x: Annotated[str, Depends(get_settings), Depends(get_db)]) -> None:
        pass

    assert build_plan(handler).bindings[0][2].call is get_db


def test_depends_in_annotated_and_default_is_an_error() -> None:
    def handler(x: Annotated[str, Depends(get_db)] = Depends(get_db)) -> None:
        pass

    with pytest.raises(DependencyDeclarationError) as info:
        build_plan(handler)
    message = str(info.value)
    assert message.startswith('Parameter "x" of "handler" declares Depends both in Annotated')
    assert "keep only one" in message


def test_unprovidable_parameter_is_an_error_naming_function_and_parameter() -> None:
    def needs(count: int) -> int:
        return count

    def handler(x: int = Depends(needs)) -> None:
        pass

    with pytest.raises(DependencyDeclarationError) as info:
        build_plan(handler)
    assert str(info.value) == (
        'Parameter "count" of "needs" cannot be provided: it has no default value, no '
        "Depends(...), and no parameter source handles its annotation int."
    )


def test_unprovidable_parameter_of_the_root_can_be_left_to_the_caller() -> None:
    def handler(count: int, x: str = Depends(get_settings)) -> None:
        pass

    with pytest.raises(DependencyDeclarationError, match='"count" of "handler"'):
        build_plan(handler)
    plan = build_plan(handler, unresolved="caller")
    assert plan.caller_parameters == frozenset({"count"})
    assert [b[0] for b in plan.bindings] == ["x"]


def test_depends_without_argument_and_without_callable_annotation() -> None:
    def handler(x=Depends()) -> None:  # type: ignore[no-untyped-def]
        pass

    with pytest.raises(DependencyDeclarationError) as info:
        build_plan(handler)
    assert str(info.value) == (
        'Parameter "x" of "handler" uses Depends() with no dependency, so its annotation '
        "is called, but the annotation (none) is not callable."
    )


def test_dependency_that_is_not_callable() -> None:
    def handler(x: str = Depends(42)) -> None:  # type: ignore[arg-type]
        pass

    with pytest.raises(DependencyDeclarationError, match=r'"x" of "handler" depends on 42'):
        build_plan(handler)


def cycle_a(b: str = Depends(lambda: None)) -> str:
    return b


def cycle_b(a: str = Depends(cycle_a)) -> str:
    return a


def cycle_c(b: str = Depends(cycle_b)) -> str:
    return b


def test_dependency_cycle_is_named() -> None:
    # Close the loop a -> b -> a after both exist.
    cycle_a.__defaults__ = (Depends(cycle_b),)

    def handler(x: str = Depends(cycle_c)) -> None:
        pass

    with pytest.raises(DependencyCycleError) as info:
        build_plan(handler)
    assert str(info.value) == (
        'Dependency cycle: cycle_b -> cycle_a -> cycle_b (parameter "b" of "cycle_a" '
        'depends on "cycle_b").'
    )


def test_self_dependency_is_a_cycle() -> None:
    def selfish(x: str = Depends(lambda: "")) -> str:
        return x

    selfish.__defaults__ = (Depends(selfish),)
    with pytest.raises(DependencyCycleError, match=r"^Dependency cycle: selfish -> selfish "):
        build_plan(lambda y=Depends(selfish): y)


def test_positional_only_parameters() -> None:
    def dep(a: int = 1, b: str = Depends(get_settings), /, c: int = 3) -> None:
        pass

    def handler(x: None = Depends(dep)) -> None:
        pass

    node = build_plan(handler).bindings[0][2]
    # The skipped default of `a` is passed so that `b` keeps its position.
    assert [(b[0], b[1], b[3]) for b in node.bindings] == [
        ("a", Bind.CONSTANT, True),
        ("b", Bind.DEPENDENCY, True),
    ]
    assert node.has_positional

    def root(x: str = Depends(get_settings), /) -> None:
        pass

    with pytest.raises(DependencyDeclarationError, match='"x" of "root" is positional-only'):
        build_plan(root)


def test_variadic_parameters_are_ignored() -> None:
    def handler(*args: Any, x: str = Depends(get_settings), **kwargs: Any) -> None:
        pass

    plan = build_plan(handler)
    assert [b[0] for b in plan.bindings] == ["x"]
    assert plan.argument_names == ("x",)


def test_extra_dependencies_come_first_and_must_be_depends() -> None:
    def handler() -> None:
        pass

    plan = build_plan(handler, dependencies=[Depends(get_db), Security(get_user, scopes=["a"])])
    assert [node.call for node in plan.dependencies] == [get_db, get_user]
    assert plan.dependencies[1].security_scopes == ("a",)
    with pytest.raises(DependencyDeclarationError, match="expected Depends"):
        build_plan(handler, dependencies=[get_db])  # type: ignore[list-item]
    with pytest.raises(DependencyDeclarationError, match="with no dependency to call"):
        build_plan(handler, dependencies=[Depends()])


def test_build_plan_needs_a_callable() -> None:
    with pytest.raises(DependencyDeclarationError, match="expects a callable, got 3"):
        build_plan(3)  # type: ignore[arg-type]


def test_security_scopes_accumulate_from_the_outermost() -> None:
    def scheme(scopes: SecurityScopes) -> str:
        return scopes.scope_str

    def current_user(token: str = Security(scheme, scopes=["me"])) -> str:
        return token

    def active_user(user: str = Depends(current_user)) -> str:
        return user

    def handler(user: str = Security(active_user, scopes=["items"])) -> None:
        pass

    plan = build_plan(handler)
    by_name = {node.name: node for node in plan.iter_nodes()}
    assert by_name["active_user"].security_scopes == ("items",)
    assert by_name["current_user"].security_scopes == ("items",)
    assert by_name["scheme"].security_scopes == ("items", "me")
    assert by_name["scheme"].uses_security_scopes
    assert by_name["active_user"].uses_security_scopes  # its subtree uses them
    # Security scopes take part in the cache key only where they are used.
    assert by_name["scheme"].cache_key == (scheme, None, ("items", "me"))


def test_cache_key_ignores_scopes_when_unused() -> None:
    def handler(a: str = Security(get_db, scopes=["x"]), b: str = Depends(get_db)) -> None:
        pass

    plan = build_plan(handler)
    assert plan.bindings[0][2].cache_key == plan.bindings[1][2].cache_key == (get_db, None, None)


def test_effective_scopes_in_the_plan() -> None:
    def gen() -> Iterator[int]:
        yield 1

    async def agen() -> AsyncIterator[int]:
        yield 1

    def handler(
        a: int = Depends(gen),
        b: int = Depends(agen, scope="function"),
        c: int = Depends(get_settings),
        d: int = Depends(get_settings, scope="request"),
        e: int = Depends(gen, scope="app"),
        f: int = Depends(gen, scope="weird"),  # type: ignore[arg-type]
    ) -> None:
        pass

    scopes = [b[2].scope for b in build_plan(handler).bindings]
    assert scopes == ["request", "function", None, "request", "app", "request"]


# -- the host hook ----------------------------------------------------------


def query_source(name: str) -> Any:
    def source(context: Any) -> Any:
        return context.values["query"].get(name)

    return source


async def request_source(context: Any) -> Any:
    return context.values["request"]


def resolver(parameter: ParameterInfo) -> Any:
    seen.append(parameter)
    if parameter.annotation is Request:
        return request_source
    for item in parameter.metadata:
        if isinstance(item, Query):
            return query_source(item.alias or parameter.name)
    return None


seen: list[ParameterInfo] = []


def host_dep(request: Request, q: Annotated[str, Query(alias="qq")] = "d") -> str:
    return q


def host_endpoint(
    item_id: Annotated[int, Query()],
    dep: str = Depends(host_dep),
    plain: int = 5,
) -> None:
    pass


def test_resolver_sees_each_non_dependency_parameter_once() -> None:
    seen.clear()
    plan = build_plan(host_endpoint, resolver=resolver)
    assert [(info.owner, info.name) for info in seen] == [
        (host_endpoint, "item_id"),
        (host_dep, "request"),
        (host_dep, "q"),
        (host_endpoint, "plain"),
    ]
    item_id = seen[0]
    assert item_id.annotation is int
    assert len(item_id.metadata) == 1
    assert isinstance(item_id.metadata[0], Query)
    assert item_id.default is EMPTY
    assert not item_id.has_default
    assert item_id.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert seen[2].default == "d"
    assert seen[2].has_default
    assert plan.uses_host_sources
    kinds = {binding[0]: binding[1] for binding in plan.bindings}
    assert kinds == {"item_id": Bind.SOURCE, "dep": Bind.DEPENDENCY}
    node = plan.bindings[1][2]
    assert [(b[0], b[1]) for b in node.bindings] == [
        ("request", Bind.ASYNC_SOURCE),
        ("q", Bind.SOURCE),
    ]


def test_plan_lists_every_source_for_the_host() -> None:
    plan = build_plan(host_endpoint, resolver=resolver)
    found = [(info.owner.__name__, info.name) for info, _source in plan.sources()]
    assert found == [("host_endpoint", "item_id"), ("host_dep", "request"), ("host_dep", "q")]


def test_resolver_returning_a_non_callable_is_an_error() -> None:
    with pytest.raises(DependencyDeclarationError, match=r"returned 5 for parameter \"item_id\""):
        build_plan(host_endpoint, resolver=lambda parameter: 5)  # type: ignore[arg-type]


def test_security_scopes_parameter_is_built_in() -> None:
    def dep(scopes: SecurityScopes) -> None:
        pass

    node = build_plan(lambda x=Depends(dep): x, resolver=lambda p: None).bindings[0][2]
    assert node.bindings[0][1] is Bind.SECURITY_SCOPES


def test_partial_and_bound_method_and_instance_dependencies() -> None:
    class Holder:
        def method(self, settings: dict[str, str] = Depends(get_settings)) -> str:
            return "m"

        async def __call__(self, db: str = Depends(get_db)) -> str:
            return db

    def two(a: int, settings: dict[str, str] = Depends(get_settings)) -> int:
        return a

    holder = Holder()

    def handler(
        p: int = Depends(functools.partial(two, 1)),
        m: str = Depends(holder.method),
        c: str = Depends(holder),
    ) -> None:
        pass

    plan = build_plan(handler)
    p, m, c = (b[2] for b in plan.bindings)
    assert (p.kind, p.dependencies[0].call) == (CallKind.SYNC_FUNCTION, get_settings)
    assert (m.kind, m.dependencies[0].call) == (CallKind.SYNC_FUNCTION, get_settings)
    assert (c.kind, c.dependencies[0].call) == (CallKind.ASYNC_FUNCTION, get_db)


def test_async_generator_node() -> None:
    async def agen() -> AsyncIterator[int]:
        yield 1

    plan = build_plan(lambda x=Depends(agen): x)
    assert plan.bindings[0][2].kind is CallKind.ASYNC_GENERATOR
