import contextvars
import functools
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

import anyio
import anyio.lowlevel
import pytest

from fastslim_di import (
    Container,
    DependencyDidNotYieldError,
    Depends,
    ParameterErrors,
    ParameterInfo,
    Security,
    SecurityScopes,
    build_plan,
)

pytestmark = pytest.mark.anyio


async def call(func: Any, **kwargs: Any) -> Any:
    async with Container() as container:
        return await container.call(func, **kwargs)


# -- dependency forms ---------------------------------------------------------


async def async_value() -> str:
    return "async"


def sync_value() -> str:
    return "sync"


async def async_gen_value() -> AsyncIterator[str]:
    yield "agen"


def sync_gen_value() -> Iterator[str]:
    yield "gen"


class Service:
    def __init__(self, name: Annotated[str, Depends(sync_value)]) -> None:
        self.name = name


class AsyncCallable:
    async def __call__(self, value: Annotated[str, Depends(async_value)]) -> str:
        return "instance-" + value


class SyncCallable:
    def __call__(self) -> str:
        return "sync-instance"


class Repository:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def get(self, value: Annotated[str, Depends(sync_value)]) -> str:
        return self.prefix + value


async def with_suffix(suffix: str, value: Annotated[str, Depends(async_value)]) -> str:
    return value + suffix


async def test_every_dependency_form() -> None:
    repository = Repository("repo-")

    async def endpoint(
        a: Annotated[str, Depends(async_value)],
        b: Annotated[str, Depends(sync_value)],
        c: Annotated[str, Depends(async_gen_value)],
        d: Annotated[str, Depends(sync_gen_value)],
        e: Annotated[Service, Depends()],
        f: Annotated[str, Depends(AsyncCallable())],
        g: Annotated[str, Depends(SyncCallable())],
        h: Annotated[str, Depends(functools.partial(with_suffix, "!"))],
        i: Annotated[str, Depends(repository.get)],
    ) -> list[Any]:
        return [a, b, c, d, e.name, f, g, h, i]

    assert await call(endpoint) == [
        "async",
        "sync",
        "agen",
        "gen",
        "sync",
        "instance-async",
        "sync-instance",
        "async!",
        "repo-sync",
    ]


async def test_sync_dependencies_run_in_worker_threads() -> None:
    loop_thread = threading.get_ident()
    threads: dict[str, int] = {}

    def sync_dep() -> None:
        threads["function"] = threading.get_ident()

    def sync_gen() -> Iterator[None]:
        threads["setup"] = threading.get_ident()
        yield
        threads["teardown"] = threading.get_ident()

    async def async_dep() -> None:
        threads["async"] = threading.get_ident()

    async def endpoint(
        a: Annotated[None, Depends(sync_dep)],
        b: Annotated[None, Depends(sync_gen)],
        c: Annotated[None, Depends(async_dep)],
    ) -> None:
        pass

    await call(endpoint)
    assert threads["async"] == loop_thread
    for key in ("function", "setup", "teardown"):
        assert threads[key] != loop_thread, key


async def test_sub_dependencies_in_declaration_order_to_any_depth(driver: Any) -> None:
    order: list[str] = []

    def level3() -> int:
        order.append("level3")
        return 3

    def level2(x: Annotated[int, Depends(level3)]) -> int:
        order.append("level2")
        return x * 10

    def level1(y: Annotated[int, Depends(level2)], z: Annotated[int, Depends(level3)]) -> int:
        order.append("level1")
        return y + z

    def other() -> int:
        order.append("other")
        return 1

    def endpoint(
        first: Annotated[int, Depends(other)], second: Annotated[int, Depends(level1)]
    ) -> int:
        return first + second

    assert await driver.call(Container(), endpoint) == 34
    assert order == ["other", "level3", "level2", "level1"]


# -- caching ------------------------------------------------------------------


async def test_shared_dependency_runs_once_per_solve(driver: Any) -> None:
    calls: list[str] = []

    def shared() -> object:
        calls.append("shared")
        return object()

    def left(s: Annotated[object, Depends(shared)]) -> object:
        return s

    def right(s: Annotated[object, Depends(shared)]) -> object:
        return s

    def endpoint(
        a: Annotated[object, Depends(left)],
        b: Annotated[object, Depends(right)],
        c: Annotated[object, Depends(shared)],
    ) -> bool:
        return a is b is c

    async with Container() as container:
        assert await driver.call(container, endpoint) is True
        assert calls == ["shared"]
        assert await driver.call(container, endpoint) is True  # a new solve: called again
        assert calls == ["shared", "shared"]


async def test_use_cache_false_calls_again(driver: Any) -> None:
    calls: list[str] = []

    def counter() -> int:
        calls.append("c")
        return len(calls)

    def endpoint(
        a: Annotated[int, Depends(counter)],
        b: Annotated[int, Depends(counter, use_cache=False)],
        c: Annotated[int, Depends(counter)],
    ) -> tuple[int, int, int]:
        return a, b, c

    assert await driver.call(Container(), endpoint) == (1, 2, 1)


async def test_nested_dependencies_take_every_path_of_the_sequential_solver() -> None:
    # Below a dependency (not at the top level): use_cache=False, an async
    # function with max_concurrency (not the plain async fast path), a cached
    # leaf, and positional-only parameters with a skipped default.
    calls: list[str] = []

    async def leaf() -> int:
        calls.append("leaf")
        return 1

    async def counted() -> int:
        calls.append("counted")
        return len(calls)

    async def slow() -> int:
        calls.append("slow")
        return 5

    limited_slow = Depends(slow, max_concurrency=1)

    async def middle(
        first: Annotated[int, Depends(leaf)],
        again: Annotated[int, Depends(counted, use_cache=False)],
        limited: Annotated[int, limited_slow],
        constant: int = 10,
        last: Any = Depends(counted, use_cache=False),
        /,
        tail: Annotated[int, Depends(leaf)] = 0,
    ) -> tuple[int, int, int, int, int, int]:
        return first, again, limited, constant, last, tail

    async def endpoint(m: Annotated[tuple[int, ...], Depends(middle)]) -> tuple[int, ...]:
        return m

    assert await call(endpoint) == (1, 2, 5, 10, 4, 1)
    assert calls == ["leaf", "counted", "slow", "counted"]
    assert limited_slow.limiter is not None
    assert limited_slow.limiter.borrowed == 0


async def test_generators_with_use_cache_false_are_each_cleaned_up(driver: Any) -> None:
    log: list[str] = []
    count = 0

    def resource() -> Iterator[int]:
        nonlocal count
        count += 1
        number = count
        log.append(f"open {number}")
        yield number
        log.append(f"close {number}")

    def endpoint(
        a: Annotated[int, Depends(resource, use_cache=False)],
        b: Annotated[int, Depends(resource, use_cache=False)],
    ) -> tuple[int, int]:
        return a, b

    assert await driver.call(Container(), endpoint) == (1, 2)
    assert log == ["open 1", "open 2", "close 2", "close 1"]


async def test_cache_key_includes_security_scopes_only_when_used(driver: Any) -> None:
    calls: list[str] = []

    def with_scopes(scopes: SecurityScopes) -> str:
        calls.append("with")
        return scopes.scope_str

    def without_scopes() -> str:
        calls.append("without")
        return "x"

    def endpoint(
        a: Annotated[str, Security(with_scopes, scopes=["a"])],
        b: Annotated[str, Security(with_scopes, scopes=["b"])],
        c: Annotated[str, Security(with_scopes, scopes=["a"])],
        d: Annotated[str, Security(without_scopes, scopes=["a"])],
        e: Annotated[str, Security(without_scopes, scopes=["b"])],
    ) -> list[str]:
        return [a, b, c, d, e]

    assert await driver.call(Container(), endpoint) == ["a", "b", "a", "x", "x"]
    assert calls == ["with", "with", "without"]


async def test_cache_key_includes_the_scope(driver: Any) -> None:
    calls: list[str] = []

    def gen() -> Iterator[int]:
        calls.append("gen")
        yield len(calls)

    def endpoint(
        a: Annotated[int, Depends(gen, scope="function")],
        b: Annotated[int, Depends(gen)],
        c: Annotated[int, Depends(gen, scope="request")],
    ) -> tuple[int, int, int]:
        return a, b, c

    assert await driver.call(Container(), endpoint) == (1, 2, 2)


# -- security scopes ----------------------------------------------------------


async def test_security_scopes_accumulate_from_the_outermost_inwards(driver: Any) -> None:
    seen: list[tuple[str, list[str], str]] = []

    def oauth2_scheme(security_scopes: SecurityScopes) -> str:
        seen.append(("scheme", security_scopes.scopes, security_scopes.scope_str))
        return "token"

    def get_current_user(
        security_scopes: SecurityScopes,
        token: Annotated[str, Security(oauth2_scheme, scopes=["openid"])],
    ) -> str:
        seen.append(("current", security_scopes.scopes, security_scopes.scope_str))
        return "user"

    def get_active_user(
        user: Annotated[str, Security(get_current_user, scopes=["me"])],
    ) -> str:
        return user

    def endpoint(
        user: Annotated[str, Security(get_active_user, scopes=["items"])],
        plain: Annotated[str, Depends(get_current_user)],
    ) -> str:
        return user

    assert await driver.call(Container(), endpoint) == "user"
    assert seen == [
        ("scheme", ["items", "me", "openid"], "items me openid"),
        ("current", ["items", "me"], "items me"),
        # Through a plain Depends: other scopes, so another cache entry.
        ("scheme", ["openid"], "openid"),
        ("current", [], ""),
    ]


async def test_security_scopes_of_a_dependency_include_its_own_security(driver: Any) -> None:
    seen: list[list[str]] = []

    def checker(security_scopes: SecurityScopes) -> None:
        seen.append(list(security_scopes.scopes))

    def middle(x: Annotated[None, Depends(checker)]) -> None:
        pass

    def endpoint(
        a: Annotated[None, Security(middle, scopes=["read", "write"])],
        b: Annotated[None, Security(checker, scopes=["admin"])],
    ) -> None:
        pass

    await driver.call(Container(), endpoint)
    assert seen == [["read", "write"], ["admin"]]


# -- errors -------------------------------------------------------------------


async def test_dependency_error_is_thrown_into_earlier_generators(driver: Any) -> None:
    log: list[str] = []

    def resource() -> Iterator[str]:
        try:
            yield "r"
        except ValueError as exc:
            log.append(f"resource saw {exc}")
            raise

    def broken() -> str:
        raise ValueError("broken")

    def endpoint(r: Annotated[str, Depends(resource)], b: Annotated[str, Depends(broken)]) -> None:
        log.append("endpoint")  # never reached

    with pytest.raises(ValueError, match="broken"):
        await driver.call(Container(), endpoint)
    assert log == ["resource saw broken"]


async def test_generator_that_does_not_yield(driver: Any) -> None:
    async def empty() -> AsyncIterator[str]:
        nothing: tuple[str, ...] = ()
        for item in nothing:  # a generator function that never yields
            yield item

    def empty_sync() -> Iterator[str]:
        yield from ()

    for dep in (empty, empty_sync) if driver.name == "async" else (empty_sync,):

        def endpoint(x: Annotated[str, Depends(dep)]) -> None:
            pass

        with pytest.raises(DependencyDidNotYieldError, match="returned without yielding a value"):
            await driver.call(Container(), endpoint)


# -- max_concurrency ----------------------------------------------------------


LIMITED_STATE = {"active": 0, "peak": 0}


async def limited() -> AsyncIterator[None]:
    LIMITED_STATE["active"] += 1
    LIMITED_STATE["peak"] = max(LIMITED_STATE["peak"], LIMITED_STATE["active"])
    await anyio.sleep(0.01)
    yield
    await anyio.sleep(0.01)
    LIMITED_STATE["active"] -= 1


async def test_max_concurrency_is_shared_through_one_depends_object() -> None:
    LIMITED_STATE.update(active=0, peak=0)
    one_at_a_time = Annotated[None, Depends(limited, max_concurrency=1)]

    async def route_a(x: one_at_a_time) -> None:
        await anyio.sleep(0.01)

    async def route_b(x: one_at_a_time, again: one_at_a_time) -> None:  # cached reuse
        await anyio.sleep(0.01)

    async with Container() as container, anyio.create_task_group() as group:
        for index in range(6):
            group.start_soon(container.call, route_a if index % 2 else route_b)
    # The generator holds its slot until its cleanup, so at most one ran at a time.
    assert LIMITED_STATE == {"active": 0, "peak": 1}


async def test_separate_depends_objects_are_limited_separately() -> None:
    LIMITED_STATE.update(active=0, peak=0)
    # Distinct objects (typing caches equal Annotated[...] forms, which would
    # share one Depends object, and so one limiter).
    first: Any = Depends(limited, max_concurrency=1, use_cache=False)
    second: Any = Depends(limited, max_concurrency=1, use_cache=False)

    async def route(a: None = first, b: None = second) -> None:
        pass

    await call(route)
    assert LIMITED_STATE["peak"] == 2


async def test_failed_call_releases_its_slot() -> None:
    def broken() -> None:
        raise KeyError("no")

    limited_broken = Depends(broken, max_concurrency=1)

    async def endpoint(x: Annotated[None, limited_broken]) -> None:
        pass

    for _ in range(2):
        with pytest.raises(KeyError):
            await call(endpoint)
    assert limited_broken.limiter is not None
    assert limited_broken.limiter.borrowed == 0


# -- concurrent solving (opt-in) ----------------------------------------------


async def test_concurrent_solving_runs_siblings_together() -> None:
    first_started = anyio.Event()
    shared_calls: list[int] = []

    async def shared() -> int:
        shared_calls.append(1)
        await anyio.sleep(0.01)
        return 7

    async def first(s: Annotated[int, Depends(shared)]) -> str:
        first_started.set()
        return f"first {s}"

    async def second(s: Annotated[int, Depends(shared)]) -> str:
        # Only completes if `first` runs at the same time.
        with anyio.fail_after(1):
            await first_started.wait()
        return f"second {s}"

    async def endpoint(
        b: Annotated[str, Depends(second)], a: Annotated[str, Depends(first)]
    ) -> list[str]:
        return [a, b]

    async with Container(concurrent=True) as container:
        assert await container.call(endpoint) == ["first 7", "second 7"]
    assert shared_calls == [1]  # shared once, even when requested concurrently


async def test_sequential_is_the_default() -> None:
    order: list[str] = []

    async def slow() -> None:
        await anyio.sleep(0.02)
        order.append("slow")

    async def fast() -> None:
        order.append("fast")

    async def endpoint(
        a: Annotated[None, Depends(slow)], b: Annotated[None, Depends(fast)]
    ) -> None:
        pass

    await call(endpoint)
    assert order == ["slow", "fast"]
    order.clear()
    async with Container(concurrent=True) as container:
        await container.call(endpoint)
    assert order == ["fast", "slow"]


async def test_concurrent_errors_are_not_wrapped_in_groups() -> None:
    async def broken() -> None:
        await anyio.lowlevel.checkpoint()
        raise LookupError("broken")

    async def fine() -> None:
        await anyio.sleep(1)

    async def endpoint(
        a: Annotated[None, Depends(fine)], b: Annotated[None, Depends(broken)]
    ) -> None:
        pass

    async with Container(concurrent=True) as container:
        with pytest.raises(LookupError, match="broken"):
            await container.call(endpoint)


async def test_concurrent_waiters_of_a_failed_shared_dependency_see_its_error() -> None:
    async def shared() -> None:
        await anyio.sleep(0.01)
        raise LookupError("shared failed")

    async def a(x: Annotated[None, Depends(shared)]) -> None:
        pass

    async def b(x: Annotated[None, Depends(shared)]) -> None:
        pass

    async def endpoint(x: Annotated[None, Depends(a)], y: Annotated[None, Depends(b)]) -> None:
        pass

    async with Container(concurrent=True) as container:
        with pytest.raises(LookupError, match="shared failed"):
            await container.call(endpoint)


# -- plans ----------------------------------------------------------------------


async def test_solving_inspects_no_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspect

    def sub(x: Annotated[str, Depends(sync_value)]) -> Iterator[str]:
        yield x

    async def endpoint(
        a: Annotated[str, Depends(sub)], b: Annotated[Service, Depends()]
    ) -> tuple[str, str]:
        return a, b.name

    container = Container()
    plan = container.plan(endpoint)

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a signature was inspected while solving")

    monkeypatch.setattr(inspect, "signature", forbidden)
    monkeypatch.setattr(inspect.Signature, "from_callable", forbidden)
    async with container.request_scope() as request:
        assert await request.call_plan(plan, (), {}) == ("sync", "sync")
        assert await request.call(endpoint) == ("sync", "sync")  # the cached plan


class Unhashable:
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, value: str) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unhashable)

    def __call__(self) -> str:
        return self.value


async def test_unhashable_callable_instances_are_cached_by_identity() -> None:
    first, second = Unhashable("first"), Unhashable("second")

    async def endpoint(
        a: Annotated[str, Depends(first)],
        b: Annotated[str, Depends(second)],
        c: Annotated[str, Depends(first)],
    ) -> list[str]:
        return [a, b, c]

    assert await call(endpoint) == ["first", "second", "first"]


async def test_concurrent_solving_enters_yield_dependencies_in_the_callers_task() -> None:
    log: list[str] = []
    first_ran = anyio.Event()
    caller = anyio.get_current_task().id

    def make(name: str) -> Any:
        async def gen() -> AsyncIterator[str]:
            assert anyio.get_current_task().id == caller
            if name == "slow":
                with anyio.fail_after(5):  # only if `first` runs meanwhile, in a task
                    await first_ran.wait()
            log.append(f"enter {name}")
            yield name
            log.append(f"exit {name}")

        return gen

    slow, fast = make("slow"), make("fast")

    async def first() -> str:
        assert anyio.get_current_task().id != caller
        log.append("first")
        first_ran.set()
        return "first"

    async def second() -> str:
        assert anyio.get_current_task().id != caller
        log.append("second")
        return "second"

    async def endpoint(
        a: Annotated[str, Depends(slow)],
        b: Annotated[str, Depends(first)],
        c: Annotated[str, Depends(fast)],
        d: Annotated[str, Depends(second)],
    ) -> list[str]:
        return [a, b, c, d]

    async with Container(concurrent=True) as container:
        assert await container.call(endpoint) == ["slow", "first", "fast", "second"]
    # Plain dependencies ran in tasks, concurrently with the yield dependencies,
    # which were entered in the caller's task, in order; cleaned up in reverse.
    assert log.index("first") < log.index("enter slow") < log.index("enter fast")
    assert sorted(log[:4]) == ["enter fast", "enter slow", "first", "second"]
    assert log[4:] == ["exit fast", "exit slow"]


async def test_sync_inject_inside_an_async_request_scope_shares_its_values() -> None:
    from fastslim_di import inject

    opened: list[int] = []

    def session() -> Iterator[int]:
        opened.append(len(opened))
        yield opened[-1]

    @inject
    def sync_job(s: Annotated[int, Depends(session)]) -> int:
        return s

    @inject
    async def async_job(s: Annotated[int, Depends(session)]) -> int:
        return s

    container = Container()
    async with container, container.request_scope():
        assert await async_job() == 0
        assert sync_job() == 0  # same request scope: cached value
    assert opened == [0]


# -- invalid inputs reported by sources -----------------------------------------


class Query:
    pass


def query_resolver(parameter: ParameterInfo) -> Any:
    if not any(isinstance(item, Query) for item in parameter.metadata):
        return None

    def source(context: Any) -> Any:
        raw = context.values["query"].get(parameter.name)
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ParameterErrors([{"loc": ("query", parameter.name), "input": raw}]) from None

    async def async_source(context: Any) -> Any:
        return source(context)

    return async_source if parameter.name.startswith("a_") else source


async def test_errors_from_sources_are_collected_and_raised_once_at_the_end() -> None:
    log: list[str] = []

    def shared(page: Annotated[int, Query()]) -> int:
        log.append("shared called")  # never: its input is invalid
        return page

    async def uses_shared(p: Annotated[int, Depends(shared)]) -> int:
        log.append("uses_shared called")  # never: its dependency failed
        return p

    async def valid(limit: Annotated[int, Query()]) -> AsyncIterator[int]:
        log.append("valid entered")
        try:
            yield limit
        except ParameterErrors:
            log.append("valid saw the errors")
            raise

    async def endpoint(
        a: Annotated[int, Depends(uses_shared)],
        b: Annotated[int, Depends(valid)],
        c: Annotated[int, Depends(shared)],
        a_size: Annotated[int, Query()],
    ) -> None:
        log.append("endpoint called")

    container = Container(resolver=query_resolver)
    values = {"query": {"page": "x", "limit": "10", "a_size": "big"}}
    with pytest.raises(ParameterErrors) as info:
        async with container.request_scope(values) as request:
            await request.call(endpoint)
    assert info.value.errors == [
        {"loc": ("query", "page"), "input": "x"},  # once, though `shared` is used twice
        {"loc": ("query", "a_size"), "input": "big"},
    ]
    assert str(info.value).startswith("2 invalid parameters: [")
    # Dependencies with valid inputs still ran (as in FastAPI), and saw the error.
    assert log == ["valid entered", "valid saw the errors"]


async def test_no_errors_no_exception() -> None:
    async def endpoint(limit: Annotated[int, Query()]) -> int:
        return limit

    container = Container(resolver=query_resolver)
    async with container.request_scope({"query": {"limit": "3"}}) as request:
        assert await request.call(endpoint) == 3


async def test_errors_are_collected_in_concurrent_mode_too() -> None:
    def first(page: Annotated[int, Query()]) -> int:
        return page

    async def second(a_size: Annotated[int, Query()]) -> int:
        return a_size

    async def endpoint(
        x: Annotated[int, Depends(first)], y: Annotated[int, Depends(second)]
    ) -> None:
        pass

    container = Container(resolver=query_resolver, concurrent=True)
    async with container.request_scope({"query": {}}) as request:
        with pytest.raises(ParameterErrors) as info:
            await request.call(endpoint)
    assert sorted(error["loc"][1] for error in info.value.errors) == ["a_size", "page"]


# -- a host's `dependencies=[...]` and SecurityScopes on the function itself ---


async def test_extra_dependencies_are_solved_first_and_their_values_discarded() -> None:
    log: list[str] = []

    async def verify_token() -> AsyncIterator[None]:
        log.append("token checked")
        yield
        log.append("token released")

    def audit(user: Annotated[str, Depends(async_value)]) -> None:
        log.append(f"audit {user}")

    async def endpoint(value: Annotated[str, Depends(async_value)]) -> str:
        log.append("endpoint")
        return value

    plan = build_plan(endpoint, dependencies=[Depends(verify_token), Depends(audit)])
    async with Container() as container, container.request_scope() as request:
        assert await request.call_plan(plan, (), {}) == "async"
        assert log == ["token checked", "audit async", "endpoint"]
    assert log[-1] == "token released"


async def test_security_scopes_of_extra_dependencies_reach_their_own_subtree_only() -> None:
    seen: list[tuple[str, list[str]]] = []

    def check(scopes: SecurityScopes) -> None:
        seen.append(("check", scopes.scopes))

    async def endpoint(scopes: SecurityScopes) -> str:
        seen.append(("endpoint", scopes.scopes))
        return scopes.scope_str

    plan = build_plan(endpoint, dependencies=[Security(check, scopes=["items:read"])])
    async with Container() as container, container.request_scope() as request:
        assert await request.call_plan(plan, (), {}) == ""
    assert seen == [("check", ["items:read"]), ("endpoint", [])]


@pytest.mark.parametrize("concurrent", [False, True])
async def test_a_dependency_raising_parameter_errors_does_not_stop_its_siblings(
    concurrent: bool,
) -> None:
    ran: list[str] = []

    async def invalid() -> str:
        raise ParameterErrors([{"loc": ("header", "x-token")}])

    async def sibling() -> str:
        ran.append("sibling")
        return "ok"

    async def parent(
        a: Annotated[str, Depends(invalid)], b: Annotated[str, Depends(sibling)]
    ) -> str:
        ran.append("parent")  # never: one of its inputs is invalid
        return a + b

    async def endpoint(p: Annotated[str, Depends(parent)]) -> str:
        return p

    async with Container(concurrent=concurrent) as container:
        with pytest.raises(ParameterErrors) as info:
            await container.call(endpoint)
    assert ran == ["sibling"]
    assert info.value.errors == [{"loc": ("header", "x-token")}]


# -- both drivers: invalid inputs, a host's dependencies=[...] -------------------


async def test_errors_from_sources_are_collected_by_both_drivers(driver: Any) -> None:
    log: list[str] = []

    def shared(page: Annotated[int, Query()]) -> int:
        log.append("shared called")  # never: its input is invalid
        return page

    def uses_shared(p: Annotated[int, Depends(shared)]) -> int:
        log.append("uses_shared called")  # never: its dependency failed
        return p

    def valid(limit: Annotated[int, Query()]) -> Iterator[int]:
        log.append("valid entered")
        try:
            yield limit
        except ParameterErrors:
            log.append("valid saw the errors")
            raise

    def endpoint(
        a: Annotated[int, Depends(uses_shared)],
        b: Annotated[int, Depends(valid)],
        c: Annotated[int, Depends(shared)],
        size: Annotated[int, Query()],
    ) -> None:
        log.append("endpoint called")

    container = Container(resolver=query_resolver)
    values = {"query": {"page": "x", "limit": "10", "size": "big"}}
    with pytest.raises(ParameterErrors) as info:
        await driver.call(container, endpoint, values)
    assert info.value.errors == [
        {"loc": ("query", "page"), "input": "x"},  # once, though `shared` is used twice
        {"loc": ("query", "size"), "input": "big"},
    ]
    assert log == ["valid entered", "valid saw the errors"]


async def test_dependencies_raising_parameter_errors_give_the_same_result_on_both_drivers(
    driver: Any,
) -> None:
    """The issue's case: `bad` and `other` raise ParameterErrors, `sibling` runs."""
    ran: list[str] = []

    def bad() -> str:
        raise ParameterErrors(["bad"])

    def sibling() -> str:
        ran.append("sibling")
        return "ok"

    def other() -> str:
        raise ParameterErrors(["other"])

    def endpoint(
        a: Annotated[str, Depends(bad)],
        b: Annotated[str, Depends(sibling)],
        c: Annotated[str, Depends(other)],
    ) -> str:
        ran.append("endpoint")  # never: inputs are invalid
        return a + b + c

    with pytest.raises(ParameterErrors) as info:
        await driver.call(Container(), endpoint)
    assert info.value.errors == ["bad", "other"]
    assert ran == ["sibling"]


async def test_a_hosts_dependencies_on_both_drivers(driver: Any) -> None:
    log: list[str] = []

    def verify_token() -> Iterator[None]:
        log.append("token checked")
        yield
        log.append("token released")

    def audit(user: Annotated[str, Depends(sync_value)]) -> None:
        log.append(f"audit {user}")

    def refuse() -> None:
        raise ParameterErrors(["refused"])

    def endpoint(value: Annotated[str, Depends(sync_value)]) -> str:
        log.append("endpoint")
        return value

    container = Container()
    plan = build_plan(endpoint, dependencies=[Depends(verify_token), Depends(audit)])
    assert await driver.call_plan(container, plan) == "sync"
    assert log == ["token checked", "audit sync", "endpoint", "token released"]
    # A failing host dependency is reported with the others, not raised alone.
    refusing = build_plan(endpoint, dependencies=[Depends(refuse)])
    with pytest.raises(ParameterErrors) as info:
        await driver.call_plan(container, refusing)
    assert info.value.errors == ["refused"]


# -- concurrent solving and context variables -----------------------------------

STATE: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("STATE", default=None)


@pytest.mark.parametrize("plain_siblings", [1, 3])
@pytest.mark.parametrize("scope", ["function", "request"])
@pytest.mark.parametrize("concurrent", [False, True])
async def test_context_variables_set_by_yield_dependencies_reach_the_function_and_cleanup(
    concurrent: bool, scope: str, plain_siblings: int
) -> None:
    seen: list[object] = []

    async def set_state() -> AsyncIterator[None]:
        token = STATE.set({"user": "someone"})
        yield
        seen.append(STATE.get())  # the code after yield sees it too
        STATE.reset(token)  # no ValueError: same context as the setup

    async def other(delay: float = 0) -> str:
        await anyio.sleep(delay)
        return "other"

    siblings = [Depends(functools.partial(other, 0.001 * i)) for i in range(plain_siblings)]

    async def endpoint(
        s: Annotated[None, Depends(set_state, scope=scope)],
        o: Annotated[str, Depends(other)],
    ) -> object:
        return STATE.get()

    plan = build_plan(endpoint, dependencies=siblings)
    async with Container(concurrent=concurrent) as container:
        async with container.request_scope() as request:
            assert await request.call_plan(plan, (), {}) == {"user": "someone"}
        assert seen == [{"user": "someone"}]
    assert STATE.get() is None


@pytest.mark.parametrize("leaf", [True, False])
async def test_a_shared_dependency_raising_parameter_errors_runs_and_reports_once(
    driver: Any, leaf: bool
) -> None:
    calls: list[str] = []

    def token() -> str:
        return "t"

    if leaf and driver.name == "async":

        async def check() -> str:  # no inputs: awaited by its parent directly
            calls.append("check")
            raise ParameterErrors(["invalid token"])

    else:

        def check(t: Annotated[str, Depends(token)]) -> str:  # type: ignore[misc]
            calls.append("check")
            raise ParameterErrors(["invalid token"])

    def user(c: Annotated[str, Depends(check)]) -> str:
        calls.append("user")  # never: its input is invalid
        return c

    def endpoint(u: Annotated[str, Depends(user)], c: Annotated[str, Depends(check)]) -> None:
        calls.append("endpoint")

    with pytest.raises(ParameterErrors) as info:
        await driver.call(Container(), endpoint)
    assert info.value.errors == ["invalid token"]
    assert calls == ["check"]
