from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

import pytest

from fastslim_di import (
    Container,
    DependencyDeclarationError,
    DependencyDidNotYieldError,
    Depends,
    FastSlimDIError,
    ParameterInfo,
    Security,
    SecurityScopes,
    build_plan,
)
from fastslim_di._drive import run_to_completion
from fastslim_di._solve_sync import check_sync_plan


def test_function_scope_solve_sync_with_sources_and_security_scopes() -> None:
    log: list[str] = []

    class Marker:
        pass

    def resolver(parameter: ParameterInfo) -> Any:
        if Marker in [type(item) for item in parameter.metadata]:
            return lambda context: context.values["value"]
        return None

    def scoped(scopes: SecurityScopes) -> str:
        return scopes.scope_str

    def gen(v: Annotated[str, Marker()]) -> Iterator[str]:
        log.append("enter")
        yield v
        log.append("exit")

    def endpoint(
        a: Annotated[str, Depends(gen, scope="function")],
        b: Annotated[str, Security(scoped, scopes=["x", "y"])],
    ) -> None:
        pass

    plan = build_plan(endpoint, resolver=resolver)
    container = Container()
    with container.request_scope({"value": "v"}) as request:
        with request.function_scope() as scope:
            assert scope.solve_sync(plan) == {"a": "v", "b": "x y"}
            assert log == ["enter"]
        assert log == ["enter", "exit"]


def test_check_sync_plan_names_the_async_part() -> None:
    async def agen() -> AsyncIterator[str]:
        yield "a"

    async def source(context: Any) -> str:
        return "s"

    def endpoint(x: Annotated[str, Depends(agen)]) -> None:
        pass

    with pytest.raises(DependencyDeclarationError, match=r'^where: the dependency "agen" is async'):
        check_sync_plan(build_plan(endpoint), "where")

    def with_source(y: int) -> None:
        pass

    plan = build_plan(with_source, resolver=lambda parameter: source)
    with pytest.raises(
        DependencyDeclarationError, match=r'^here: parameter "y" of "with_source" has an async'
    ):
        check_sync_plan(plan, "here")


def test_sync_generator_yielding_nothing() -> None:
    def empty() -> Iterator[str]:
        yield from ()

    def endpoint(x: Annotated[str, Depends(empty)]) -> None:
        pass

    plan = build_plan(endpoint)
    with (
        Container().request_scope() as request,
        request.function_scope() as scope,
        pytest.raises(DependencyDidNotYieldError, match='"empty" returned without yielding'),
    ):
        scope.solve_sync(plan)


def test_sync_driver_collects_source_errors() -> None:
    from fastslim_di import ParameterErrors

    def resolver(parameter: ParameterInfo) -> Any:
        def source(context: Any) -> Any:
            raise ParameterErrors([parameter.name])

        return source

    def dep(a: int) -> int:
        return a

    def endpoint(x: Annotated[int, Depends(dep)], b: int) -> None:
        pass

    plan = build_plan(endpoint, resolver=resolver)
    with (
        Container().request_scope() as request,
        request.function_scope() as scope,
        pytest.raises(ParameterErrors) as info,
    ):
        scope.solve_sync(plan)
    assert info.value.errors == ["a", "b"]


class _Suspend:
    def __await__(self) -> Any:
        yield  # what an event loop's primitive does: hand control to the loop


def test_the_sync_driver_refuses_to_suspend() -> None:
    closed: list[bool] = []

    async def waits() -> int:
        try:
            await _Suspend()
        finally:
            closed.append(True)
        return 1

    async def returns() -> int:
        return 2

    assert run_to_completion(returns()) == 2
    with pytest.raises(FastSlimDIError, match="waited for an event loop while run synchronously"):
        run_to_completion(waits())
    assert closed == [True]  # the coroutine was closed
