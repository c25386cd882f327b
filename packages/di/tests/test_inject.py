import threading
from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import pytest

from fastslim_di import (
    Container,
    DependencyDeclarationError,
    Depends,
    ScopeNotActiveError,
    default_container,
    inject,
)

pytestmark = pytest.mark.anyio


def get_prefix() -> str:
    return "hello"


async def test_async_function_with_dependencies_and_caller_arguments() -> None:
    @inject
    async def greet(name: str, prefix: Annotated[str, Depends(get_prefix)]) -> str:
        return f"{prefix} {name}"

    assert greet.__name__ == "greet"
    assert await greet("ada") == "hello ada"
    assert await greet(name="bob") == "hello bob"
    assert await greet("eve", prefix="hi") == "hi eve"  # caller arguments win
    assert await greet("eve", "hey") == "hey eve"


async def test_function_scope_closes_when_the_call_returns() -> None:
    log: list[str] = []

    def session() -> Iterator[str]:
        log.append("open")
        yield "s"
        log.append("close")

    @inject
    async def job(s: Annotated[str, Depends(session)]) -> str:
        log.append("job")
        return s

    assert await job() == "s"
    assert log == ["open", "job", "close"]  # its own request scope, closed after the call


async def test_runs_in_the_current_request_scope_and_app_scope() -> None:
    log: list[str] = []

    async def engine() -> AsyncIterator[str]:
        log.append("engine open")
        yield "engine"
        log.append("engine close")

    def session(e: Annotated[str, Depends(engine, scope="app")]) -> Iterator[str]:
        log.append("session open")
        yield e + "/session"
        log.append("session close")

    @inject
    async def job(number: int, s: Annotated[str, Depends(session)]) -> str:
        log.append(f"job {number}")
        return s

    container = Container()
    async with container:
        async with container.request_scope():
            assert await job(1) == "engine/session"
            assert await job(2) == "engine/session"
            log.append("request end")
        log.append("app end")
    assert log == [
        "engine open",
        "session open",
        "job 1",
        "job 2",
        "request end",
        "session close",
        "app end",
        "engine close",
    ]


async def test_app_scoped_dependency_without_a_running_container() -> None:
    @inject
    async def job(e: Annotated[str, Depends(get_prefix, scope="app")]) -> str:
        return e

    with pytest.raises(ScopeNotActiveError, match='"get_prefix" has a scope of "app"'):
        await job()


async def test_bound_container_and_its_overrides() -> None:
    container = Container()

    @inject(container=container)
    async def greet(prefix: Annotated[str, Depends(get_prefix)]) -> str:
        return prefix

    with container.override(get_prefix, lambda: "bonjour"):
        assert await greet() == "bonjour"
    assert await greet() == "hello"
    other = Container()
    async with other:  # entered, but the bound container is used
        with other.override(get_prefix, lambda: "hola"):
            assert await greet() == "hello"


async def test_default_container_when_none_is_entered() -> None:
    @inject
    async def greet(prefix: Annotated[str, Depends(get_prefix)]) -> str:
        return prefix

    with default_container().override(get_prefix, lambda: "salut"):
        assert await greet() == "salut"
    assert not default_container().running


async def test_misuse_fails_when_decorating() -> None:
    def needs(x: int) -> int:
        return x

    with pytest.raises(DependencyDeclarationError, match='"x" of "needs" cannot be provided'):

        @inject
        async def job(value: Annotated[int, Depends(needs)]) -> None:
            pass

    with pytest.raises(DependencyDeclarationError, match="cannot decorate the generator"):

        @inject
        def gen() -> Iterator[int]:
            yield 1


# -- plain `def` functions ----------------------------------------------------


def test_sync_function_solved_in_the_callers_thread() -> None:
    log: list[str] = []
    caller = threading.get_ident()

    def session() -> Iterator[str]:
        log.append(f"open in caller thread: {threading.get_ident() == caller}")
        yield "s"
        log.append("close")

    class Service:
        def __init__(self, s: Annotated[str, Depends(session)]) -> None:
            self.s = s

    @inject
    def job(number: int, service: Annotated[Service, Depends()]) -> str:
        log.append(f"job {number}")
        return service.s

    assert job(1) == "s"
    assert log == ["open in caller thread: True", "job 1", "close"]


def test_sync_function_with_app_scope_in_a_sync_container() -> None:
    log: list[str] = []

    def engine() -> Iterator[str]:
        log.append("engine open")
        yield "engine"
        log.append("engine close")

    @inject
    def job(e: Annotated[str, Depends(engine, scope="app")]) -> str:
        return e

    with Container() as container:
        assert job() == "engine"
        assert job() == "engine"
        with container.request_scope():
            assert job() == "engine"
    assert log == ["engine open", "engine close"]


def test_sync_function_cannot_have_async_dependencies() -> None:
    async def adep() -> str:
        return "a"

    def middle(a: Annotated[str, Depends(adep)]) -> str:
        return a

    with pytest.raises(DependencyDeclarationError) as info:

        @inject
        def job(m: Annotated[str, Depends(middle)]) -> None:
            pass

    assert str(info.value) == (
        '@inject on the sync function "job": the dependency "adep" is async, so it cannot '
        "be solved for a plain `def` function; make the function `async def`."
    )
    with pytest.raises(DependencyDeclarationError, match="max_concurrency"):

        @inject
        def limited(m: Annotated[str, Depends(get_prefix, max_concurrency=1)]) -> None:
            pass


def test_sync_function_exception_is_thrown_into_its_generators() -> None:
    log: list[str] = []

    def session() -> Iterator[None]:
        try:
            yield
        except ValueError:
            log.append("rolled back")
            raise

    @inject
    def job(s: Annotated[None, Depends(session)]) -> None:
        raise ValueError("bad")

    with pytest.raises(ValueError, match="bad"):
        job()
    assert log == ["rolled back"]


def test_async_override_of_a_sync_dependency_fails_when_solved() -> None:
    @inject
    def job(p: Annotated[str, Depends(get_prefix)]) -> str:
        return p

    async def async_prefix() -> str:
        return "async"

    with (
        default_container().override(get_prefix, async_prefix),
        pytest.raises(
            DependencyDeclarationError,
            match='The override of the dependency "get_prefix" by "async_prefix" is async',
        ),
    ):
        job()


def test_sync_app_dependencies_may_depend_on_each_other() -> None:
    def config() -> Iterator[str]:
        yield "config"

    def engine(c: Annotated[str, Depends(config, scope="app")]) -> str:
        return c + "+engine"

    @inject
    def job(e: Annotated[str, Depends(engine, scope="app")]) -> str:
        return e

    with Container():
        assert job() == "config+engine"
