import functools
import gc
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

import anyio
import pytest

from fastslim_di import (
    Container,
    ContainerStateError,
    DependencyPlan,
    Depends,
    FunctionScope,
    ParameterInfo,
    RequestScope,
    ScopeNotActiveError,
    current_container,
)
from fastslim_di._container import PLAN_CACHE_SIZE

pytestmark = pytest.mark.anyio


def make_deps(log: list[str]) -> tuple[Any, Any, Any]:
    def function_dep() -> Iterator[str]:
        log.append("setup function")
        try:
            yield "f"
        finally:
            log.append("teardown function")

    def request_dep() -> Iterator[str]:
        log.append("setup request")
        try:
            yield "r"
        finally:
            log.append("teardown request")

    def default_dep() -> Iterator[str]:
        log.append("setup default")
        try:
            yield "d"
        finally:
            log.append("teardown default")

    def endpoint(
        f: Annotated[str, Depends(function_dep, scope="function")],
        r: Annotated[str, Depends(request_dep, scope="request")],
        d: Annotated[str, Depends(default_dep)],
    ) -> str:
        log.append("endpoint")
        return f + r + d

    return endpoint, function_dep, request_dep


async def test_lifecycle_function_scope_exits_after_the_function_request_scope_later(
    driver: Any,
) -> None:
    log: list[str] = []
    endpoint, _, _ = make_deps(log)
    container = Container()
    async with driver.request_scope(container) as request:
        assert await driver.call_in(request, endpoint) == "frd"
        log.append("response sent")
        log.append("background task")
    assert log == [
        "setup function",
        "setup request",
        "setup default",
        "endpoint",
        "teardown function",
        "response sent",
        "background task",
        "teardown default",
        "teardown request",
    ]


async def test_host_steps_plan_function_scope_solve() -> None:
    log: list[str] = []
    endpoint, _, _ = make_deps(log)
    container = Container()
    plan = container.plan(endpoint)
    assert container.plan(endpoint) is plan  # built once
    async with container.request_scope() as request:
        async with request.function_scope() as scope:
            assert isinstance(scope, FunctionScope)
            kwargs = await scope.solve(plan)
            assert kwargs == {"f": "f", "r": "r", "d": "d"}
            log.append("endpoint")
        log.append("after function scope")
    assert log.index("teardown function") < log.index("after function scope")
    assert log[-2:] == ["teardown default", "teardown request"]


async def test_endpoint_exception_is_thrown_into_both_scopes(driver: Any) -> None:
    log: list[str] = []

    def function_dep() -> Iterator[None]:
        try:
            yield
        except KeyError as exc:
            log.append(f"function saw {exc}")
            raise

    def request_dep() -> Iterator[None]:
        try:
            yield
        except KeyError as exc:
            log.append(f"request saw {exc}")
            raise

    def endpoint(
        a: Annotated[None, Depends(function_dep, scope="function")],
        b: Annotated[None, Depends(request_dep)],
    ) -> None:
        raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        await driver.call(Container(), endpoint)
    assert log == ["function saw 'boom'", "request saw 'boom'"]


async def test_request_scoped_values_are_shared_within_a_request(driver: Any) -> None:
    opened: list[int] = []

    def session() -> Iterator[int]:
        opened.append(len(opened))
        yield opened[-1]

    def handler(s: Annotated[int, Depends(session)]) -> int:
        return s

    container = Container()
    async with driver.request_scope(container) as request:
        assert await driver.call_in(request, handler) == 0
        assert await driver.call_in(request, handler) == 0
    async with driver.request_scope(container) as request:
        assert await driver.call_in(request, handler) == 1
    assert opened == [0, 1]


async def test_app_scope_created_once_and_cleaned_up_at_shutdown(driver: Any) -> None:
    log: list[str] = []

    def engine() -> Iterator[str]:
        log.append("engine start")
        yield "engine"
        log.append("engine stop")

    def client(e: Annotated[str, Depends(engine, scope="app")]) -> Iterator[str]:
        log.append("client start")
        yield e + "+client"
        log.append("client stop")

    def job(c: Annotated[str, Depends(client, scope="app")]) -> str:
        log.append("job")
        return c

    container = Container()
    async with container:
        assert container.running
        for _ in range(3):
            assert await driver.call(container, job) == "engine+client"
        assert log == ["engine start", "client start", "job", "job", "job"]
    assert not container.running
    assert log[-2:] == ["client stop", "engine stop"]
    # A container can run again: app values are created anew.
    async with container:
        await driver.call(container, job)
    assert log.count("engine start") == 2


async def test_app_scope_needs_a_running_container(driver: Any) -> None:
    def engine() -> str:
        return "e"

    def job(e: Annotated[str, Depends(engine, scope="app")]) -> str:
        return e

    with pytest.raises(ScopeNotActiveError) as info:
        await driver.call(Container(), job)
    assert str(info.value) == (
        'The dependency "engine" has a scope of "app", but its container is not running: '
        'enter it first ("async with container:").'
    )


async def test_concurrent_first_use_of_an_app_dependency_creates_it_once() -> None:
    created: list[int] = []

    async def engine() -> AsyncIterator[int]:
        await anyio.sleep(0.01)
        created.append(1)
        yield len(created)

    async def job(e: Annotated[int, Depends(engine, scope="app")]) -> None:
        assert e == 1

    async with Container() as container, anyio.create_task_group() as group:
        for _ in range(5):
            group.start_soon(container.call, job)
    assert created == [1]


async def test_app_cleanup_failure_is_reported_at_shutdown() -> None:
    async def engine() -> AsyncIterator[str]:
        yield "e"
        raise OSError("could not close")

    async def job(e: Annotated[str, Depends(engine, scope="app")]) -> str:
        return e

    container = Container()
    with pytest.raises(OSError, match="could not close"):
        async with container:
            await container.call(job)
    assert not container.running


async def test_state_errors() -> None:
    container = Container()
    async with container:
        with pytest.raises(ContainerStateError, match="already running"):
            await container.__aenter__()
    request = container.request_scope()
    with pytest.raises(ContainerStateError, match="is not open"):
        request.function_scope()
    async with request:
        pass
    with pytest.raises(ContainerStateError, match="already entered"):
        await request.__aenter__()
    assert "closed" in repr(request)
    assert "stopped" in repr(container)


async def test_current_container_and_request() -> None:
    container = Container()
    assert current_container() is None
    async with container:
        assert current_container() is container
        assert container.current_request() is None
        async with container.request_scope() as request:
            assert isinstance(request, RequestScope)
            assert container.current_request() is request
            assert Container().current_request() is None  # another container's
        assert container.current_request() is None
    assert current_container() is None


async def test_container_call_uses_the_current_request_scope() -> None:
    opened: list[str] = []

    def session() -> Iterator[str]:
        opened.append("s")
        yield "s"

    def handler(extra: int, s: Annotated[str, Depends(session)]) -> str:
        return f"{s}{extra}"

    container = Container()
    async with container.request_scope():
        assert await container.call(handler, extra=1) == "s1"
        assert await container.call(handler, 2) == "s2"  # positional caller argument
        assert await container.call(handler, 3, "mine") == "mine3"
    assert opened == ["s"]


async def test_caller_arguments_win_over_dependencies() -> None:
    def dep() -> str:
        raise AssertionError("not called when the caller gives the value")

    async def handler(value: Annotated[str, Depends(dep)]) -> str:
        return value

    assert await Container().call(handler, value="given") == "given"


async def test_host_values_reach_parameter_sources() -> None:
    class Request:
        def __init__(self, path: str) -> None:
            self.path = path

    class Query:
        pass

    def resolver(parameter: ParameterInfo) -> Any:
        if parameter.annotation is Request:
            return lambda context: context.values[Request]
        if any(isinstance(item, Query) for item in parameter.metadata):

            async def query(context: Any) -> Any:
                return context.values["query"][parameter.name]

            return query
        return None

    def current_path(request: Request) -> str:
        return request.path

    async def endpoint(
        path: Annotated[str, Depends(current_path)], q: Annotated[str, Query()], limit: int = 3
    ) -> tuple[str, str, int]:
        return path, q, limit

    container = Container(resolver=resolver)
    values = {Request: Request("/items"), "query": {"q": "x"}}
    async with container.request_scope(values) as request:
        assert request.values[Request].path == "/items"
        assert await request.call(endpoint) == ("/items", "x", 3)


def test_sync_container_and_request_scope() -> None:
    log: list[str] = []
    container = Container()
    with container:
        assert current_container() is container
        with container.request_scope() as request:
            assert request.container is container
        log.append("running")
    assert log == ["running"]
    assert not container.running
    with pytest.raises(ContainerStateError), container, container:
        pass


class Replaced(Exception):
    pass


async def test_exceptions_caught_reraised_and_replaced_through_the_scopes() -> None:
    log: list[str] = []

    def outer() -> Iterator[None]:  # request scope, entered first
        try:
            yield
        except Replaced as exc:
            log.append(f"outer got {exc!r}")
            raise

    async def replacing() -> AsyncIterator[None]:  # request scope
        try:
            yield
        except KeyError as exc:
            log.append(f"replacing got {exc!r}")
            raise Replaced("from replacing") from exc

    def reraising() -> Iterator[None]:  # function scope, exits first
        try:
            yield
        except KeyError as exc:
            log.append(f"reraising got {exc!r}")
            raise

    async def endpoint(
        a: Annotated[None, Depends(outer)],
        b: Annotated[None, Depends(replacing)],
        c: Annotated[None, Depends(reraising, scope="function")],
    ) -> None:
        raise KeyError("endpoint")

    with pytest.raises(Replaced, match="from replacing"):
        async with Container().request_scope() as request:
            await request.call(endpoint)
    assert log == [
        "reraising got KeyError('endpoint')",
        "replacing got KeyError('endpoint')",
        "outer got Replaced('from replacing')",
    ]


async def test_function_scoped_dependency_swallowing_the_exception() -> None:
    log: list[str] = []

    async def request_dep() -> AsyncIterator[None]:
        try:
            yield
        except Exception:  # pragma: no cover - must not be reached
            log.append("request dep saw an exception")
            raise
        log.append("request dep exited normally")

    def swallowing() -> Iterator[None]:
        try:
            yield
        except KeyError:
            log.append("swallowed")

    async def endpoint(
        a: Annotated[None, Depends(request_dep)],
        b: Annotated[None, Depends(swallowing, scope="function")],
    ) -> str:
        raise KeyError("endpoint")

    async with Container().request_scope() as request:
        assert await request.call(endpoint) is None  # nothing propagates
    assert log == ["swallowed", "request dep exited normally"]


async def test_cancelled_request_still_runs_sync_cleanups() -> None:
    log: list[str] = []
    entered = anyio.Event()

    def resource() -> Iterator[None]:
        log.append("open")
        try:
            yield
        finally:
            log.append("closed in a thread")

    async def handler(r: Annotated[None, Depends(resource)]) -> None:
        entered.set()
        await anyio.sleep_forever()

    async def request() -> None:
        async with Container().request_scope() as scope:
            await scope.call(handler)

    async with anyio.create_task_group() as group:
        group.start_soon(request)
        await entered.wait()
        group.cancel_scope.cancel()
    assert log == ["open", "closed in a thread"]


async def test_resolver_recipe_providing_instances_by_type() -> None:
    class Settings:
        pass

    settings = Settings()
    instances: dict[Any, Any] = {Settings: settings}

    def by_type(parameter: ParameterInfo) -> Any:
        instance = instances.get(parameter.annotation)
        return None if instance is None else (lambda context: instance)

    def service(s: Settings) -> Settings:
        return s

    async def job(s: Settings, via: Annotated[Settings, Depends(service)]) -> bool:
        return s is via is settings

    assert await Container(resolver=by_type).call(job) is True


# -- cleanup failures follow exit-stack semantics (as FastAPI and contextlib.ExitStack)


class Status(Exception):
    """Stands for an HTTPException: the host answers with `code`."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def status_graph(log: list[str], variant: str, scope: str, sync: bool = False) -> Any:
    """Two yield dependencies; the inner one's exit raises Status(422)."""

    def outer() -> Iterator[None]:
        if variant == "plain":
            yield
            log.append("outer after yield")
            raise Status(409)
        if variant.startswith("finally"):
            try:
                yield
            finally:
                log.append("outer finally")
                if variant == "finally_raise":
                    raise Status(409)
            return
        try:
            yield
        except Status as exc:
            log.append(f"outer caught {exc.code}")
            if variant == "catch_replace":
                raise Status(418) from exc
            if variant == "catch_reraise":
                raise

    async def inner() -> AsyncIterator[None]:
        yield
        log.append("inner after yield")
        raise Status(422)

    def sync_inner() -> Iterator[None]:
        yield
        log.append("inner after yield")
        raise Status(422)

    def endpoint(
        o: Annotated[None, Depends(outer, scope=scope)],
        i: Annotated[None, Depends(sync_inner if sync else inner, scope=scope)],
    ) -> str:
        log.append("endpoint")
        return "ok"

    return endpoint


# (variant, the code raised or None, the log after "endpoint", as FastAPI 0.165.0 gives)
EXIT_STACK_CASES = [
    ("plain", 422, ["inner after yield"]),
    ("finally_raise", 409, ["inner after yield", "outer finally"]),
    ("finally_only", 422, ["inner after yield", "outer finally"]),
    ("catch_swallow", None, ["inner after yield", "outer caught 422"]),
    ("catch_reraise", 422, ["inner after yield", "outer caught 422"]),
    ("catch_replace", 418, ["inner after yield", "outer caught 422"]),
]


@pytest.mark.parametrize("scope", ["function", "request", "app"])
@pytest.mark.parametrize(("variant", "code", "after"), EXIT_STACK_CASES)
async def test_a_cleanup_failure_is_thrown_into_the_outer_generator(
    scope: str, variant: str, code: int | None, after: list[str]
) -> None:
    log: list[str] = []
    endpoint = status_graph(log, variant, scope)
    container = Container()
    raised: BaseException | None = None
    try:
        async with container, container.request_scope() as request:
            assert await request.call(endpoint) == "ok"
    except Exception as exc:
        raised = exc
    assert log == ["endpoint", *after]
    if code is None:
        assert raised is None
    else:
        assert type(raised) is Status
        assert raised.code == code
    if variant == "finally_raise":
        assert isinstance(raised, Status)
        assert isinstance(raised.__context__, Status)
        assert raised.__context__.code == 422


@pytest.mark.parametrize("scope", ["function", "request", "app"])
@pytest.mark.parametrize(("variant", "code", "after"), EXIT_STACK_CASES)
def test_a_cleanup_failure_is_thrown_into_the_outer_generator_sync(
    scope: str, variant: str, code: int | None, after: list[str]
) -> None:
    log: list[str] = []
    endpoint = status_graph(log, variant, scope, sync=True)
    container = Container()
    raised: BaseException | None = None
    try:
        with container, container.request_scope() as request:
            assert request.call_plan_sync(container.plan(endpoint), (), {}) == "ok"
    except Exception as exc:
        raised = exc
    assert log == ["endpoint", *after]
    assert (raised.code if isinstance(raised, Status) else raised) == code


# -- memory: plans of callables created per call ---------------------------------


def count_plans() -> int:
    gc.collect()
    return sum(1 for item in gc.get_objects() if type(item) is DependencyPlan)


async def test_plans_of_callables_created_per_call_are_bounded(driver: Any) -> None:
    def greet(greeting: str, name: Annotated[str, Depends(lambda: "ada")]) -> str:
        return f"{greeting} {name}"

    container = Container()
    baseline = count_plans()
    for index in range(PLAN_CACHE_SIZE + 500):
        assert await driver.call(container, functools.partial(greet, f"hi{index}")) == (
            f"hi{index} ada"
        )
    assert count_plans() - baseline <= PLAN_CACHE_SIZE
    plan = container.plan(greet)  # the newest plans stay cached
    assert container.plan(greet) is plan
