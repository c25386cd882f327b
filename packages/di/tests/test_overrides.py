import gc
import tracemalloc
from collections.abc import Iterator
from typing import Annotated, Any

import anyio
import anyio.lowlevel
import pytest

from fastslim_di import (
    Container,
    DependencyDeclarationError,
    DependencyNode,
    Depends,
    ParameterInfo,
    ParameterSource,
)
from fastslim_di._overrides import DictOverrides, OverrideSet, effective_overrides

pytestmark = pytest.mark.anyio


def get_db() -> str:
    return "real db"


def fake_db() -> str:
    return "fake db"


def other_fake_db() -> str:
    return "other fake db"


def get_repo(db: Annotated[str, Depends(get_db)]) -> str:
    return f"repo({db})"


async def endpoint(repo: Annotated[str, Depends(get_repo)]) -> str:
    return repo


def sync_endpoint(repo: Annotated[str, Depends(get_repo)]) -> str:
    return repo


class Settings:
    def __init__(self) -> None:
        self.env = "prod"


class FakeSettings(Settings):
    def __init__(self) -> None:
        self.env = "test"


def settings_endpoint(settings: Annotated[Settings, Depends()]) -> str:
    return settings.env


async def test_mapping_override_of_a_nested_dependency(driver: Any) -> None:
    container = Container()
    assert await driver.call(container, sync_endpoint) == "repo(real db)"
    container.dependency_overrides[get_db] = fake_db
    assert await driver.call(container, sync_endpoint) == "repo(fake db)"
    container.dependency_overrides.clear()
    assert await driver.call(container, sync_endpoint) == "repo(real db)"


async def test_the_mapping_is_consulted_at_solve_time_and_can_be_shared() -> None:
    shared: dict[object, object] = {}
    container = Container(dependency_overrides=shared)  # type: ignore[arg-type]
    plan = container.plan(endpoint)  # built before the override is set
    shared[get_repo] = lambda: "stub repo"
    assert container.dependency_overrides is shared
    async with container.request_scope() as request:
        assert await request.call_plan(plan, (), {}) == "stub repo"


async def test_override_of_a_class_dependency_declared_with_empty_depends(driver: Any) -> None:
    container = Container()
    container.dependency_overrides[Settings] = FakeSettings
    assert await driver.call(container, settings_endpoint) == "test"


async def test_replacement_dependencies_are_solved_and_it_keeps_the_original_settings(
    driver: Any,
) -> None:
    log: list[str] = []

    def replacement_source() -> str:
        return "from replacement's own dependency"

    def replacement(value: Annotated[str, Depends(replacement_source)]) -> Iterator[str]:
        log.append("replacement setup")
        yield value
        log.append("replacement teardown")

    def original() -> Iterator[str]:
        yield "original"

    def handler(v: Annotated[str, Depends(original, scope="function")]) -> str:
        log.append("handler")
        return v

    container = Container()
    container.dependency_overrides[original] = replacement
    assert await driver.call(container, handler) == "from replacement's own dependency"
    log.append("after call")
    # scope="function" of the original applies to the replacement.
    assert log == ["replacement setup", "handler", "replacement teardown", "after call"]


async def test_the_resolver_is_called_only_when_a_replacement_is_first_used(
    driver: Any,
) -> None:
    """`ParameterResolver`'s contract: called when a plan is built, and when an
    override's replacement is first used under one set of overrides."""
    calls: list[str] = []

    def resolver(parameter: ParameterInfo) -> ParameterSource | None:
        calls.append(f"{parameter.owner.__name__}.{parameter.name}")
        return lambda context: context.values[parameter.name]

    def get_token(header: str) -> str:
        return "real " + header

    def fake_token(header: str) -> str:
        return "fake " + header

    def handler(token: Annotated[str, Depends(get_token)]) -> str:
        return token

    container = Container(resolver=resolver)

    async def solve() -> str:
        result: str = await driver.call(container, handler, {"header": "h"})
        return result

    container.plan(handler)
    assert calls == ["get_token.header"]  # when the plan is built
    assert [await solve() for _ in range(3)] == ["real h"] * 3
    assert calls == ["get_token.header"]  # never while solving without overrides
    with container.override(get_token, fake_token):
        assert [await solve() for _ in range(3)] == ["fake h"] * 3
    assert calls == ["get_token.header", "fake_token.header"]  # on first use, once
    with container.override(get_token, fake_token):  # another block: built again
        assert await solve() == "fake h"
    container.dependency_overrides[get_token] = fake_token
    assert [await solve() for _ in range(3)] == ["fake h"] * 3
    assert calls == ["get_token.header"] + ["fake_token.header"] * 3


# -- memory: nothing is kept once an override is gone ------------------------------

MIB = 1024 * 1024


def capturing_replacement(size: int) -> Any:
    payload = bytearray(size)

    def replacement() -> str:
        return f"fake {len(payload)}"

    return replacement


def live(kind: type) -> int:
    gc.collect()
    return sum(1 for item in gc.get_objects() if type(item) is kind)


@pytest.mark.parametrize("how", ["context", "dict"])
async def test_overrides_keep_nothing_alive_once_gone(driver: Any, how: str) -> None:
    """200 overrides each capturing 1 MiB: nothing of them is kept afterwards."""
    container = Container()
    assert await driver.call(container, sync_endpoint) == "repo(real db)"
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(200):
            replacement = capturing_replacement(MIB)
            if how == "context":
                with container.override(get_db, replacement):
                    assert await driver.call(container, sync_endpoint) == f"repo(fake {MIB})"
            else:
                container.dependency_overrides[get_db] = replacement
                assert await driver.call(container, sync_endpoint) == f"repo(fake {MIB})"
            del replacement
        container.dependency_overrides.clear()
        assert await driver.call(container, sync_endpoint) == "repo(real db)"
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 2 * MIB, f"{kept / MIB:.1f} MiB kept"


async def test_distinct_replacements_leave_no_nodes_behind(driver: Any) -> None:
    """A new replacement callable per use (a lambda per test) builds nodes that
    go away with its override."""
    container = Container()
    assert await driver.call(container, sync_endpoint) == "repo(real db)"
    baseline = live(DependencyNode)
    for index in range(300):
        with container.override(get_db, lambda index=index: f"fake {index}"):
            assert await driver.call(container, sync_endpoint) == f"repo(fake {index})"
        container.dependency_overrides[get_db] = lambda index=index: f"dict {index}"
        assert await driver.call(container, sync_endpoint) == f"repo(dict {index})"
    assert live(DependencyNode) - baseline <= 1  # the last dict override's node
    container.dependency_overrides.clear()
    assert await driver.call(container, sync_endpoint) == "repo(real db)"
    assert live(DependencyNode) == baseline


async def test_invalid_replacement_fails_with_a_clear_message() -> None:
    container = Container()
    container.dependency_overrides[get_db] = "not callable"  # type: ignore[assignment]
    with pytest.raises(
        DependencyDeclarationError, match=r'override of the dependency "get_db" is \'not callable\''
    ):
        await container.call(endpoint)
    with (
        pytest.raises(DependencyDeclarationError, match="expects callables"),
        container.override(get_db, 3),  # type: ignore[arg-type]
    ):
        pass


async def test_context_manager_overrides_nest_and_restore(driver: Any) -> None:
    container = Container()
    with container.override(get_db, fake_db):
        assert await driver.call(container, sync_endpoint) == "repo(fake db)"
        with container.override(get_db, other_fake_db):
            assert await driver.call(container, sync_endpoint) == "repo(other fake db)"
        assert await driver.call(container, sync_endpoint) == "repo(fake db)"
        with container.overrides({get_repo: lambda: "stub"}):
            assert await driver.call(container, sync_endpoint) == "stub"
        assert await driver.call(container, sync_endpoint) == "repo(fake db)"
    assert await driver.call(container, sync_endpoint) == "repo(real db)"
    assert container.active_overrides() is None


async def test_context_overrides_win_over_the_mapping(driver: Any) -> None:
    container = Container()
    container.dependency_overrides[get_db] = fake_db
    with container.override(get_db, other_fake_db):
        assert await driver.call(container, sync_endpoint) == "repo(other fake db)"
    assert await driver.call(container, sync_endpoint) == "repo(fake db)"


async def test_concurrent_tasks_do_not_see_each_others_overrides() -> None:
    container = Container()
    results: dict[str, list[str]] = {"a": [], "b": [], "none": []}
    both_overridden = anyio.Event()
    ready = {"a": False, "b": False}

    async def task(name: str, replacement: object) -> None:
        if replacement is None:
            await both_overridden.wait()
            results[name].append(await container.call(endpoint))
            return
        with container.override(get_db, replacement):  # type: ignore[arg-type]
            ready[name] = True
            if all(ready.values()):
                both_overridden.set()
            await both_overridden.wait()
            for _ in range(3):
                results[name].append(await container.call(endpoint))
                await anyio.lowlevel.checkpoint()

    async with anyio.create_task_group() as group:
        group.start_soon(task, "a", fake_db)
        group.start_soon(task, "b", other_fake_db)
        group.start_soon(task, "none", None)
    assert results == {
        "a": ["repo(fake db)"] * 3,
        "b": ["repo(other fake db)"] * 3,
        "none": ["repo(real db)"],
    }


async def test_overrides_are_per_container() -> None:
    first, second = Container(), Container()
    with first.override(get_db, fake_db):
        assert await first.call(endpoint) == "repo(fake db)"
        assert await second.call(endpoint) == "repo(real db)"


async def test_overriding_a_generator_with_a_plain_function_and_back(driver: Any) -> None:
    log: list[str] = []

    def resource() -> Iterator[str]:
        log.append("resource")
        yield "resource"

    def handler(r: Annotated[str, Depends(resource)]) -> str:
        return r

    container = Container()
    with container.override(resource, lambda: "plain"):
        assert await driver.call(container, handler) == "plain"
    assert log == []
    assert await driver.call(container, handler) == "resource"
    assert log == ["resource"]


def test_effective_overrides_merges_the_dict_and_the_context() -> None:
    nodes = DictOverrides()
    context = OverrideSet({get_db: fake_db})
    assert effective_overrides({}, context, nodes) == (context.mapping, context.replacements)
    only_dict = effective_overrides({get_db: fake_db}, None, nodes)
    assert only_dict is not None
    assert only_dict[0] == {get_db: fake_db}
    merged = effective_overrides(
        {get_db: fake_db, get_repo: fake_db}, OverrideSet({get_db: other_fake_db}), nodes
    )
    assert merged is not None
    assert merged[0] == {get_db: other_fake_db, get_repo: fake_db}


def test_effective_nodes_walk_the_tree_a_solve_under_overrides_sees() -> None:
    def leaf() -> str:
        return "leaf"

    def replacement_sub() -> str:
        return "sub"

    def replacement(sub: Annotated[str, Depends(replacement_sub)]) -> str:
        return sub

    def middle(value: Annotated[str, Depends(leaf)]) -> str:
        return value

    def other() -> str:
        return "other"

    def endpoint(m: Annotated[str, Depends(middle)], o: Annotated[str, Depends(other)]) -> None: ...

    container = Container()
    plan = container.plan(endpoint)
    calls = [node.call for node in container.effective_nodes(plan)]
    assert calls == [leaf, middle, other] == [node.call for node in plan.iter_nodes()]
    container.dependency_overrides[middle] = replacement
    assert [node.call for node in container.effective_nodes(plan)] == [
        replacement_sub,
        replacement,
        other,
    ]
    with container.override(other, leaf):
        assert [node.call for node in container.effective_nodes(plan)] == [
            replacement_sub,
            replacement,
            leaf,
        ]
    container.dependency_overrides.clear()
    assert [node.call for node in container.effective_nodes(plan)] == [leaf, middle, other]
