from collections.abc import AsyncGenerator, Generator
from typing import Any

import pytest

from fastslim_di import ContainerStateError, DependencyDidNotStopError
from fastslim_di._cleanup import CleanupStack

pytestmark = pytest.mark.anyio


class Boom(Exception):
    pass


class Other(Exception):
    pass


def sync_dep(log: list[str], name: str, behaviour: str = "finally") -> Generator[str, None, None]:
    log.append(f"enter {name}")
    try:
        yield name
    except Exception as exc:
        log.append(f"{name} caught {type(exc).__name__}")
        if behaviour == "swallow":
            return
        if behaviour == "replace":
            raise Other(name) from exc
        raise
    finally:
        log.append(f"exit {name}")


async def async_dep(
    log: list[str], name: str, behaviour: str = "finally"
) -> AsyncGenerator[str, None]:
    log.append(f"enter {name}")
    try:
        yield name
    except Exception as exc:
        log.append(f"{name} caught {type(exc).__name__}")
        if behaviour == "swallow":
            return
        if behaviour == "replace":
            raise Other(name) from exc
        raise
    finally:
        log.append(f"exit {name}")


async def push(stack: CleanupStack, gen: Any, release: Any = None) -> None:
    """Enter `gen` and push it, as the solver does."""
    if isinstance(gen, Generator):
        next(gen)
        stack.entries.append((gen, False, "sync", release))
    else:
        await gen.__anext__()
        stack.entries.append((gen, True, "async", release))


async def make(log: list[str], behaviours: list[str]) -> CleanupStack:
    stack = CleanupStack()
    for index, behaviour in enumerate(behaviours):
        factory = sync_dep if index % 2 else async_dep
        await push(stack, factory(log, f"d{index}", behaviour))
    return stack


async def test_cleanup_in_reverse_order_of_entry() -> None:
    log: list[str] = []
    stack = await make(log, ["finally"] * 4)
    assert len(stack.entries) == 4
    assert await stack.aclose(None) is False
    assert log == [
        "enter d0",
        "enter d1",
        "enter d2",
        "enter d3",
        "exit d3",
        "exit d2",
        "exit d1",
        "exit d0",
    ]
    assert not stack.entries


async def test_exception_thrown_into_every_generator_that_reraises() -> None:
    log: list[str] = []
    stack = await make(log, ["reraise"] * 3)
    error = Boom()
    assert await stack.aclose(error) is False  # the original propagates
    assert log[3:] == [
        "d2 caught Boom",
        "exit d2",
        "d1 caught Boom",
        "exit d1",
        "d0 caught Boom",
        "exit d0",
    ]


async def test_swallowed_exception_stops_propagating() -> None:
    log: list[str] = []
    stack = await make(log, ["reraise", "swallow", "reraise"])
    assert await stack.aclose(Boom()) is True  # the caller must not re-raise
    # d1 swallowed it: d0 (further out) exits normally, without an exception.
    assert log[3:] == ["d2 caught Boom", "exit d2", "d1 caught Boom", "exit d1", "exit d0"]


async def test_replacement_exception_reaches_the_generators_further_out() -> None:
    log: list[str] = []
    stack = await make(log, ["reraise", "replace", "reraise"])
    with pytest.raises(Other) as info:
        await stack.aclose(Boom())
    assert str(info.value) == "d1"
    assert isinstance(info.value.__cause__, Boom)
    assert log[3:] == [
        "d2 caught Boom",
        "exit d2",
        "d1 caught Boom",
        "exit d1",
        "d0 caught Other",
        "exit d0",
    ]


async def failing_cleanup(log: list[str], name: str) -> AsyncGenerator[str, None]:
    yield name
    log.append(f"failing {name}")
    raise Boom(name)


def failing_sync_cleanup(log: list[str], name: str) -> Generator[str, None, None]:
    yield name
    log.append(f"failing {name}")
    raise Other(name)


async def test_a_failing_cleanup_is_thrown_into_the_generators_further_out() -> None:
    log: list[str] = []
    stack = CleanupStack()
    await push(stack, async_dep(log, "outer"))
    await push(stack, failing_cleanup(log, "inner"))
    with pytest.raises(Boom, match="inner"):
        await stack.aclose(None)
    # As contextlib.ExitStack: the inner failure reaches the outer one at its yield.
    assert log == ["enter outer", "failing inner", "outer caught Boom", "exit outer"]


async def test_the_last_failure_in_flight_is_raised_alone() -> None:
    log: list[str] = []
    stack = CleanupStack()
    await push(stack, failing_cleanup(log, "first"))
    await push(stack, async_dep(log, "middle"))
    await push(stack, failing_sync_cleanup(log, "last"))
    with pytest.raises(Other, match="last") as info:
        await stack.aclose(None)
    assert not isinstance(info.value, BaseExceptionGroup)
    # "first" never resumes: the failure in flight is thrown in at its yield.
    assert log == ["enter middle", "failing last", "middle caught Other", "exit middle"]


async def test_failures_after_a_swallowed_exception_are_reported() -> None:
    log: list[str] = []
    stack = CleanupStack()
    await push(stack, failing_cleanup(log, "outer"))
    await push(stack, async_dep(log, "inner", "swallow"))
    with pytest.raises(Boom, match="outer"):
        await stack.aclose(Other())
    assert log == ["enter inner", "inner caught Other", "exit inner", "failing outer"]


async def test_generator_yielding_twice() -> None:
    async def twice() -> AsyncGenerator[int, None]:
        yield 1
        yield 2

    def twice_sync() -> Generator[int, None, None]:
        yield 1
        yield 2

    for factory in (twice, twice_sync):
        stack = CleanupStack()
        await push(stack, factory())
        with pytest.raises(DependencyDidNotStopError, match="yielded a second time"):
            await stack.aclose(None)


async def test_release_callbacks_run_after_each_cleanup() -> None:
    log: list[str] = []
    stack = CleanupStack()
    await push(stack, failing_cleanup(log, "x"), lambda: log.append("released"))
    with pytest.raises(Boom):
        await stack.aclose(None)
    assert log == ["failing x", "released"]


async def test_sync_cleanups_can_run_on_the_loop() -> None:
    log: list[str] = []
    stack = CleanupStack()
    await push(stack, sync_dep(log, "s"))
    assert await stack.aclose(None, sync_in_thread=False) is False
    assert log == ["enter s", "exit s"]


def test_synchronous_close() -> None:
    log: list[str] = []
    stack = CleanupStack()
    for name, behaviour in (("a", "reraise"), ("b", "replace")):
        gen = sync_dep(log, name, behaviour)
        next(gen)
        stack.entries.append((gen, False, name, None))
    with pytest.raises(Other, match="b"):
        stack.close(Boom())
    assert log == ["enter a", "enter b", "b caught Boom", "exit b", "a caught Other", "exit a"]


async def test_synchronous_close_refuses_async_generators() -> None:
    log: list[str] = []
    stack = CleanupStack()
    gen = async_dep(log, "a")
    await push(stack, gen)
    with pytest.raises(ContainerStateError, match='"async" cannot be cleaned up synchronously'):
        stack.close(None)
    assert log == ["enter a"]
    await gen.aclose()
