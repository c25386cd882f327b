from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

import pytest

from fastslim_di import (
    CallKind,
    DependencyDeclarationError,
    DependencyScopeError,
    Depends,
    ParameterInfo,
    build_plan,
)
from fastslim_di._scopes import Level, cache_level, effective_scope


def function_gen() -> Iterator[str]:
    yield "f"


def plain() -> str:
    return "p"


FunctionScoped = Annotated[str, Depends(function_gen, scope="function")]


@pytest.mark.parametrize(
    ("scope", "kind", "expected"),
    [
        (None, CallKind.SYNC_GENERATOR, "request"),
        (None, CallKind.ASYNC_GENERATOR, "request"),
        (None, CallKind.SYNC_FUNCTION, None),
        (None, CallKind.ASYNC_FUNCTION, None),
        ("function", CallKind.SYNC_GENERATOR, "function"),
        ("function", CallKind.SYNC_FUNCTION, "function"),
        ("request", CallKind.ASYNC_FUNCTION, "request"),
        ("app", CallKind.ASYNC_GENERATOR, "app"),
        ("app", CallKind.SYNC_FUNCTION, "app"),
        ("foo", CallKind.SYNC_GENERATOR, "request"),  # not validated, as in FastAPI
        ("foo", CallKind.SYNC_FUNCTION, "request"),
    ],
)
def test_effective_scope(scope: Any, kind: CallKind, expected: str | None) -> None:
    assert effective_scope(Depends(plain, scope=scope), kind) == expected


def test_cache_levels() -> None:
    assert cache_level(None) is Level.SOLVE
    assert cache_level("function") is Level.SOLVE
    assert cache_level("request") is Level.REQUEST
    assert cache_level("app") is Level.APP


def test_request_generator_cannot_depend_on_function_scope() -> None:
    def request_gen(value: FunctionScoped) -> Iterator[str]:
        yield value

    def endpoint(x: Annotated[str, Depends(request_gen)]) -> None:
        pass

    with pytest.raises(DependencyScopeError) as info:
        build_plan(endpoint)
    assert str(info.value) == (
        'The dependency "request_gen" has a scope of "request", it cannot depend on '
        'dependencies with scope "function".'
    )


def test_explicit_request_async_generator_too() -> None:
    async def session(value: FunctionScoped) -> AsyncIterator[str]:
        yield value

    with pytest.raises(DependencyScopeError, match=r'^The dependency "session" has a scope'):
        build_plan(lambda x=Depends(session, scope="request"): x)


def test_route_level_dependencies_are_checked_too() -> None:
    def request_gen(value: FunctionScoped) -> Iterator[str]:
        yield value

    with pytest.raises(DependencyScopeError, match="request_gen"):
        build_plan(plain, dependencies=[Depends(request_gen)])


def test_allowed_combinations() -> None:
    def plain_on_function(value: FunctionScoped) -> str:
        return value

    def function_gen_on_function(value: FunctionScoped) -> Iterator[str]:
        yield value

    def request_gen_on_plain(value: Annotated[str, Depends(plain_on_function)]) -> Iterator[str]:
        yield value  # only direct sub-dependencies are checked, as in FastAPI

    def endpoint(
        a: Annotated[str, Depends(plain_on_function)],
        b: Annotated[str, Depends(function_gen_on_function, scope="function")],
        c: Annotated[str, Depends(request_gen_on_plain)],
        d: FunctionScoped,
    ) -> None:
        pass

    plan = build_plan(endpoint)
    assert [b[2].scope for b in plan.bindings] == [None, "function", "request", "function"]


def test_app_scope_cannot_depend_on_shorter_scopes() -> None:
    def request_gen() -> Iterator[str]:
        yield "r"

    def engine(value: Annotated[str, Depends(request_gen)]) -> str:
        return value

    with pytest.raises(DependencyScopeError) as info:
        build_plan(lambda x=Depends(engine, scope="app"): x)
    assert str(info.value) == (
        'The dependency "engine" has a scope of "app", it cannot depend on dependencies '
        'with scope "request".'
    )

    def deep(value: Annotated[str, Depends(plain)]) -> str:  # plain: no scope, allowed...
        return value

    def via_plain(value: Annotated[str, Depends(deep)], f: FunctionScoped) -> str:
        return value

    def engine2(value: Annotated[str, Depends(via_plain)]) -> str:
        return value

    with pytest.raises(DependencyScopeError, match=r'scope of "app".*scope "function"'):
        build_plan(lambda x=Depends(engine2, scope="app"): x)


def test_app_scope_may_depend_on_app_and_plain_dependencies() -> None:
    def config() -> str:
        return "c"

    def pool(value: Annotated[str, Depends(config)]) -> Iterator[str]:
        yield value

    def engine(
        p: Annotated[str, Depends(pool, scope="app")], c: Annotated[str, Depends(config)]
    ) -> str:
        return p + c

    plan = build_plan(lambda x=Depends(engine, scope="app"): x)
    assert plan.uses_app_scope


def test_app_scope_cannot_use_host_sources() -> None:
    class Request:
        pass

    def resolver(parameter: ParameterInfo) -> Any:
        return (lambda context: "req") if parameter.annotation is Request else None

    def engine(request: Request) -> str:
        return "e"

    def uses_request(request: Request) -> str:
        return "u"

    def engine2(value: Annotated[str, Depends(uses_request)]) -> str:
        return value

    with pytest.raises(DependencyScopeError) as info:
        build_plan(lambda x=Depends(engine, scope="app"): x, resolver=resolver)
    assert str(info.value) == (
        'The dependency "engine" has a scope of "app", its parameter "request" is filled per '
        "request by the host framework, which an app-scoped dependency cannot use."
    )
    with pytest.raises(DependencyScopeError, match='cannot depend on "uses_request"'):
        build_plan(lambda x=Depends(engine2, scope="app"): x, resolver=resolver)


def test_app_scope_refuses_use_cache_false() -> None:
    with pytest.raises(DependencyDeclarationError) as info:
        build_plan(lambda x=Depends(plain, scope="app", use_cache=False): x)
    assert "use_cache=False contradicts that" in str(info.value)
    assert str(info.value).startswith('The dependency "plain" has a scope of "app"')
