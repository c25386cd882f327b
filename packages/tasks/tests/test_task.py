import functools
import threading
from collections.abc import Coroutine
from typing import Any

import anyio
import pytest

from fastslim_tasks import BackgroundTask, TaskOptions

pytestmark = pytest.mark.anyio


async def test_async_task_is_awaited_on_the_loop_thread() -> None:
    seen: list[int] = []

    async def record(value: int) -> int:
        seen.append(threading.get_ident())
        return value * 2

    task = BackgroundTask(record, 21)
    assert task.is_async
    assert await task() == 42
    assert seen == [threading.get_ident()]


async def test_sync_task_runs_in_a_worker_thread() -> None:
    seen: list[int] = []

    def record(value: int, *, twice: bool) -> int:
        seen.append(threading.get_ident())
        return value * 2 if twice else value

    task = BackgroundTask(record, 21, twice=True)
    assert not task.is_async
    assert await task() == 42
    assert len(seen) == 1
    assert seen[0] != threading.get_ident()


async def test_partial_and_callable_instances_are_detected() -> None:
    calls: list[str] = []

    class Notifier:
        async def __call__(self, who: str) -> None:
            calls.append(f"async {who}")

    def sync_notify(who: str) -> None:
        calls.append(f"sync {who}")

    await BackgroundTask(functools.partial(Notifier(), "ada"))()
    await BackgroundTask(functools.partial(sync_notify, "bob"))()
    assert calls == ["async ada", "sync bob"]


async def test_sync_wrapper_returning_a_coroutine_is_finished_on_the_loop() -> None:
    done: list[str] = []

    async def inner() -> str:
        done.append("inner")
        return "ok"

    def wrapper() -> Coroutine[Any, Any, str]:
        return inner()

    task = BackgroundTask(wrapper)
    assert not task.is_async
    assert await task() == "ok"
    assert done == ["inner"]


async def test_with_options_names_the_task_and_keeps_all_kwargs_for_the_function() -> None:
    received: dict[str, object] = {}

    async def job(*, name: str, timeout: int, options: str) -> None:
        received.update(name=name, timeout=timeout, options=options)

    task = BackgroundTask.with_options(
        TaskOptions(name="nightly"), job, name="n", timeout=3, options="o"
    )
    assert task.name == "nightly"
    assert task.timeout is None
    await task()
    assert received == {"name": "n", "timeout": 3, "options": "o"}


async def test_default_name_is_the_function_name() -> None:
    async def send_email() -> None:
        pass

    task = BackgroundTask(send_email)
    assert task.name == "send_email"
    assert repr(task) == "<BackgroundTask 'send_email'>"


async def test_timeout_cancels_an_async_task() -> None:
    reached_end: list[bool] = []

    async def forever() -> None:
        await anyio.sleep_forever()
        reached_end.append(True)

    task = BackgroundTask.with_options(TaskOptions(timeout=0.05), forever)
    with pytest.raises(TimeoutError):
        await task()
    assert reached_end == []


async def test_timeout_abandons_a_sync_task_and_raises() -> None:
    release = threading.Event()

    def blocked() -> None:
        release.wait(5)

    task = BackgroundTask.with_options(TaskOptions(timeout=0.05), blocked)
    with pytest.raises(TimeoutError):
        await task()
    release.set()


async def test_task_within_timeout_returns_normally() -> None:
    async def quick() -> str:
        return "fast"

    task = BackgroundTask.with_options(TaskOptions(timeout=5), quick)
    assert await task() == "fast"


def test_non_callable_is_rejected_with_its_value() -> None:
    with pytest.raises(TypeError, match="must be callable, got 'send'"):
        BackgroundTask("send")  # type: ignore[arg-type]
