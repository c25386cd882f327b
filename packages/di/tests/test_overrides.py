from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import anyio
import anyio.lowlevel
import pytest

from fastslim_di import Container, DependencyDeclarationError, Depends
from fastslim_di._overrides import effective_overrides

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


class Settings:
    def __init__(self) -> None:
        self.env = "prod"


class FakeSettings(Settings):
    def __init__(self) -> None:
        self.env = "test"


async def settings_endpoint(settings: Annotated[Settings, Depends()]) -> str:
    return settings.env


async def test_mapping_override_of_a_nested_dependency() -> None:
    container = Container()
    assert await container.call(endpoint) == "repo(real db)"
    container.dependency_overrides[get_db] = fake_db
    assert await container.call(endpoint) == "repo(fake db)"
    container.dependency_overrides.clear()
    assert await container.call(endpoint) == "repo(real db)"


async def test_the_mapping_is_consulted_at_solve_time_and_can_be_shared() -> None:
    shared: dict[object, object] = {}
    container = Container(dependency_overrides=shared)  # type: ignore[arg-type]
    plan = container.plan(endpoint)  # built before the override is set
    shared[get_repo] = lambda: "stub repo"
    assert container.dependency_overrides is shared
    async with container.request_scope() as request:
        assert await request.call_plan(plan, (), {}) == "stub repo"


async def test_override_of_a_class_dependency_declared_with_empty_depends() -> None:
    container = Container()
    container.dependency_overrides[Settings] = FakeSettings
    assert await container.call(settings_endpoint) == "test"


async def test_replacement_dependencies_are_solved_and_it_keeps_the_original_settings() -> None:
    log: list[str] = []

    def replacement_source() -> str:
        return "from replacement's own dependency"

    def replacement(value: Annotated[str, Depends(replacement_source)]) -> Iterator[str]:
        log.append("replacement setup")
        yield value
        log.append("replacement teardown")

    def original() -> Iterator[str]:
        yield "original"

    async def handler(v: Annotated[str, Depends(original, scope="function")]) -> str:
        log.append("handler")
        return v

    container = Container()
    container.dependency_overrides[original] = replacement
    async with container.request_scope() as request:
        assert await request.call(handler) == "from replacement's own dependency"
        log.append("after call")
    # scope="function" of the original applies to the replacement.
    assert log == ["replacement setup", "handler", "replacement teardown", "after call"]


async def test_replacement_plan_is_built_once() -> None:
    container = Container()
    container.dependency_overrides[get_db] = fake_db
    plan = container.plan(endpoint)
    await container.call(endpoint)
    repo_node = plan.bindings[0][2]
    db_node = repo_node.dependencies[0]
    first = db_node.overridden_by(fake_db)
    assert first is db_node.overridden_by(fake_db)
    assert first.call is fake_db


async def test_invalid_replacement_fails_with_a_clear_message() -> None:
    container = Container()
    container.dependency_overrides[get_db] = "not callable"  # type: ignore[assignment]
    with pytest.raises(DependencyDeclarationError, match=r'override of dependency "get_db"'):
        await container.call(endpoint)
    with (
        pytest.raises(DependencyDeclarationError, match="expects callables"),
        container.override(get_db, 3),  # type: ignore[arg-type]
    ):
        pass


async def test_context_manager_overrides_nest_and_restore() -> None:
    container = Container()
    with container.override(get_db, fake_db):
        assert await container.call(endpoint) == "repo(fake db)"
        with container.override(get_db, other_fake_db):
            assert await container.call(endpoint) == "repo(other fake db)"
        assert await container.call(endpoint) == "repo(fake db)"
        with container.overrides({get_repo: lambda: "stub"}):
            assert await container.call(endpoint) == "stub"
        assert await container.call(endpoint) == "repo(fake db)"
    assert await container.call(endpoint) == "repo(real db)"
    assert container.active_overrides() is None


async def test_context_overrides_win_over_the_mapping() -> None:
    container = Container()
    container.dependency_overrides[get_db] = fake_db
    with container.override(get_db, other_fake_db):
        assert await container.call(endpoint) == "repo(other fake db)"
    assert await container.call(endpoint) == "repo(fake db)"


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


async def test_overriding_a_generator_with_a_plain_function_and_back() -> None:
    log: list[str] = []

    async def resource() -> AsyncIterator[str]:
        log.append("resource")
        yield "resource"

    async def handler(r: Annotated[str, Depends(resource)]) -> str:
        return r

    container = Container()
    with container.override(resource, lambda: "plain"):
        assert await container.call(handler) == "plain"
    assert log == []
    assert await container.call(handler) == "resource"
    assert log == ["resource"]


def test_effective_overrides_is_none_when_empty() -> None:
    base: dict[object, object] = {}
    assert effective_overrides(base, None) is None  # type: ignore[arg-type]
    assert effective_overrides(base, {}) is None  # type: ignore[arg-type]
    assert effective_overrides({get_db: fake_db}, None) == {get_db: fake_db}
    assert effective_overrides({}, {get_db: fake_db}) == {get_db: fake_db}
    merged = effective_overrides({get_db: fake_db, get_repo: fake_db}, {get_db: other_fake_db})
    assert merged == {get_db: other_fake_db, get_repo: fake_db}
