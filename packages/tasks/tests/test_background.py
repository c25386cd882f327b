import contextvars
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

import anyio
import anyio.lowlevel
import pytest

from fastslim_tasks import BackgroundTask, BackgroundTasks, TaskFinished, TaskOptions

pytestmark = pytest.mark.anyio


class Boom(Exception):
    pass


async def test_tasks_run_in_the_order_added_sync_and_async_mixed() -> None:
    order: list[str] = []

    async def async_step(name: str) -> None:
        await anyio.lowlevel.checkpoint()
        order.append(name)

    def sync_step(name: str) -> None:
        order.append(name)

    tasks = BackgroundTasks()
    tasks.add_task(sync_step, "validate")
    tasks.add_task(async_step, "reserve")
    tasks.add_task(sync_step, "charge")
    tasks.add_task(async_step, name="email")
    assert len(tasks.tasks) == 4
    await tasks()
    assert order == ["validate", "reserve", "charge", "email"]


async def test_sync_tasks_never_run_on_the_loop_thread() -> None:
    loop_thread = threading.get_ident()
    threads: list[int] = []
    tasks = BackgroundTasks()
    for _ in range(3):
        tasks.add_task(lambda: threads.append(threading.get_ident()))
    await tasks()
    assert len(threads) == 3
    assert loop_thread not in threads


async def test_tasks_passed_to_the_constructor_run_first() -> None:
    order: list[int] = []
    tasks = BackgroundTasks([BackgroundTask(order.append, 1)])
    tasks.add_task(order.append, 2)
    await tasks()
    assert order == [1, 2]


async def test_a_task_may_add_tasks_while_running() -> None:
    order: list[str] = []
    tasks = BackgroundTasks()

    async def first() -> None:
        order.append("first")
        tasks.add_task(order.append, "added later")

    tasks.add_task(first)
    await tasks()
    assert order == ["first", "added later"]


async def test_default_policy_stops_at_the_first_failure_logs_and_reraises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[str] = []

    def fail() -> None:
        raise Boom("inventory service down")

    tasks = BackgroundTasks()
    tasks.add_task(ran.append, "before")
    tasks.add_task_with(TaskOptions(name="update-inventory"), fail)
    tasks.add_task(ran.append, "after")
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"), pytest.raises(Boom):
        await tasks()
    assert ran == ["before"]
    [record] = caplog.records
    assert record.name == "fastslim.tasks"
    assert '"update-inventory"' in record.getMessage()
    assert record.exc_info is not None
    assert record.exc_info[0] is Boom
    assert "inventory service down" in caplog.text  # the traceback is logged


async def test_continue_policy_runs_every_task_and_reports_each_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[str] = []
    failures: list[tuple[str, str]] = []

    async def fail(message: str) -> None:
        raise Boom(message)

    tasks = BackgroundTasks(
        on_error="continue",
        error_hook=lambda task, exc: failures.append((task.name, str(exc))),
    )
    tasks.add_task(fail, "first")
    tasks.add_task(ran.append, "middle")
    tasks.add_task_with(TaskOptions(name="second"), fail, "second")
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"):
        await tasks()
    assert ran == ["middle"]
    assert [name for name, _ in failures] == ["fail", "second"]
    assert [message for _, message in failures] == ["first", "second"]
    assert len(caplog.records) == 2


async def test_error_hook_is_also_called_under_the_raise_policy() -> None:
    failures: list[BaseException] = []
    tasks = BackgroundTasks(error_hook=lambda task, exc: failures.append(exc))

    def fail() -> None:
        raise Boom

    tasks.add_task(fail)
    with pytest.raises(Boom):
        await tasks()
    assert len(failures) == 1


async def test_a_failing_error_hook_is_logged_and_does_not_stop_the_tasks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[int] = []

    def broken_hook(task: BackgroundTask, exc: Exception) -> None:
        raise RuntimeError("hook bug")

    def fail() -> None:
        raise Boom

    tasks = BackgroundTasks(on_error="continue", error_hook=broken_hook)
    tasks.add_task(fail)
    tasks.add_task(ran.append, 1)
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"):
        await tasks()
    assert ran == [1]
    assert "hook bug" in caplog.text


async def test_timeout_per_task_fails_that_task() -> None:
    ran: list[str] = []
    tasks = BackgroundTasks(on_error="continue")
    tasks.add_task_with(TaskOptions(name="slow", timeout=0.05), anyio.sleep_forever)
    tasks.add_task(ran.append, "next")
    failures: list[BaseException] = []
    tasks.error_hook = lambda task, exc: failures.append(exc)
    await tasks()
    assert ran == ["next"]
    assert len(failures) == 1
    assert isinstance(failures[0], TimeoutError)


async def test_concurrency_limit_holds_and_tasks_start_in_order() -> None:
    started: list[int] = []
    running = 0
    peak = 0

    async def job(index: int) -> None:
        nonlocal running, peak
        started.append(index)
        running += 1
        peak = max(peak, running)
        await anyio.sleep(0.01)
        running -= 1

    tasks = BackgroundTasks(max_concurrency=3)
    for index in range(10):
        tasks.add_task(job, index)
    await tasks()
    assert started == list(range(10))
    assert peak == 3


async def test_concurrency_with_sync_tasks_respects_the_limit() -> None:
    lock = threading.Lock()
    running = 0
    peak = 0

    def job() -> None:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        threading.Event().wait(0.02)
        with lock:
            running -= 1

    tasks = BackgroundTasks(max_concurrency=2)
    for _ in range(6):
        tasks.add_task(job)
    await tasks()
    assert peak == 2


async def test_concurrent_raise_policy_cancels_the_rest_and_reraises_the_first_failure() -> None:
    finished: list[int] = []

    async def slow(index: int) -> None:
        await anyio.sleep(5)
        finished.append(index)

    async def fail() -> None:
        await anyio.sleep(0.01)
        raise Boom("first failure")

    tasks = BackgroundTasks(max_concurrency=2)
    tasks.add_task(slow, 1)
    tasks.add_task(fail)
    tasks.add_task(slow, 2)
    with anyio.fail_after(2), pytest.raises(Boom, match="first failure"):
        await tasks()
    assert finished == []


async def test_concurrent_continue_policy_runs_all() -> None:
    done: list[int] = []

    async def job(index: int) -> None:
        if index % 2:
            raise Boom(index)
        done.append(index)

    tasks = BackgroundTasks(max_concurrency=4, on_error="continue")
    for index in range(8):
        tasks.add_task(job, index)
    await tasks()
    assert sorted(done) == [0, 2, 4, 6]


async def test_cancellation_is_not_swallowed() -> None:
    ran: list[str] = []
    tasks = BackgroundTasks(on_error="continue")
    tasks.add_task(anyio.sleep_forever)
    tasks.add_task(ran.append, "never")
    with anyio.move_on_after(0.05):
        await tasks()
    assert ran == []


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "2", None])
def test_invalid_max_concurrency_is_rejected_with_its_value(value: object) -> None:
    with pytest.raises(ValueError, match="max_concurrency must be a positive integer") as info:
        BackgroundTasks(max_concurrency=value)  # type: ignore[arg-type]
    assert repr(value) in str(info.value)


def test_unknown_error_policy_is_rejected() -> None:
    with pytest.raises(ValueError, match="got 'ignore'"):
        BackgroundTasks(on_error="ignore")  # type: ignore[arg-type]


def test_error_hook_must_be_callable() -> None:
    with pytest.raises(TypeError, match="error_hook must be callable"):
        BackgroundTasks(error_hook="log")  # type: ignore[arg-type]


def test_an_empty_instance_is_truthy_as_in_fastapi() -> None:
    assert BackgroundTasks()  # no __len__: `if tasks:` means "was it given"


def test_repr_lists_task_names() -> None:
    tasks = BackgroundTasks()
    tasks.add_task_with(TaskOptions(name="audit"), print)
    assert repr(tasks) == "<BackgroundTasks ['audit']>"


# -- a BaseException that is not an Exception follows the error policy -----------


class Custom(BaseException):
    pass


async def raise_custom() -> None:
    raise Custom("custom")


def raise_custom_sync() -> None:
    raise Custom("custom in a thread")


async def exit_async() -> None:
    sys.exit(4)


def exit_sync() -> None:
    sys.exit(5)


def interrupt_sync() -> None:
    raise KeyboardInterrupt


async def interrupt_async() -> None:
    raise KeyboardInterrupt


async def raise_generator_exit() -> None:
    raise GeneratorExit


BASE_FAILURES = [
    pytest.param(raise_custom, Custom, False, id="custom"),
    pytest.param(raise_custom_sync, Custom, False, id="custom-sync"),
    pytest.param(exit_async, SystemExit, True, id="sys-exit-async"),
    pytest.param(exit_sync, SystemExit, True, id="sys-exit-sync"),
    pytest.param(interrupt_sync, KeyboardInterrupt, True, id="keyboard-interrupt-sync"),
    pytest.param(interrupt_async, KeyboardInterrupt, True, id="keyboard-interrupt-async"),
    pytest.param(raise_generator_exit, GeneratorExit, False, id="generator-exit"),
]


def continue_tasks(max_concurrency: int, observed: bool) -> BackgroundTasks:
    class Quiet:
        def task_started(self, task: BackgroundTask) -> None:
            pass

        def task_finished(self, event: TaskFinished) -> None:
            pass

    return BackgroundTasks(
        on_error="continue",
        max_concurrency=max_concurrency,
        observer=Quiet() if observed else None,
    )


@pytest.mark.parametrize(("fail", "kind", "propagates"), BASE_FAILURES)
@pytest.mark.parametrize(
    ("max_concurrency", "observed"), [(1, False), (1, True), (3, False)], ids=str
)
async def test_continue_policy_goes_on_after_a_base_exception(
    fail: Callable[[], Any],
    kind: type[BaseException],
    propagates: bool,
    max_concurrency: int,
    observed: bool,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[str] = []

    async def after_async() -> None:
        ran.append("async")

    tasks = continue_tasks(max_concurrency, observed)
    tasks.add_task_with(TaskOptions(name="failing"), fail)
    tasks.add_task(ran.append, "sync")
    tasks.add_task(after_async)
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"):
        if propagates:
            with pytest.raises(kind):  # bare, once every task has run
                await tasks()
        else:
            await tasks()
    assert sorted(ran) == ["async", "sync"]
    [record] = caplog.records
    assert '"failing"' in record.getMessage()
    assert record.exc_info is not None
    assert record.exc_info[0] is kind


@pytest.mark.parametrize(("fail", "kind", "propagates"), BASE_FAILURES)
@pytest.mark.parametrize("max_concurrency", [1, 3])
async def test_raise_policy_stops_at_a_base_exception_logs_and_reraises_it_bare(
    fail: Callable[[], Any],
    kind: type[BaseException],
    propagates: bool,
    max_concurrency: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ran: list[str] = []

    async def later() -> None:
        await anyio.sleep(0.2)
        ran.append("later")

    tasks = BackgroundTasks(max_concurrency=max_concurrency)
    tasks.add_task_with(TaskOptions(name="failing"), fail)
    tasks.add_task(later)
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"), pytest.raises(kind):
        await tasks()
    assert ran == []
    [record] = caplog.records
    assert '"failing"' in record.getMessage()


# -- context variables: sync tasks never see what another task set ---------------

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="unset")


def tag(value: str) -> None:
    request_id.set(value)


@pytest.mark.parametrize("observed", [False, True])
async def test_a_sync_task_never_sees_what_the_sync_task_before_it_set(observed: bool) -> None:
    seen: list[str] = []
    tasks = continue_tasks(1, observed)
    tasks.add_task(tag, "tag-task")
    tasks.add_task(lambda: seen.append(request_id.get()))
    tasks.add_task(tag, "another")
    tasks.add_task(lambda: seen.append(request_id.get()))
    request_id.set("req-1")
    await tasks()
    assert seen == ["req-1", "req-1"]
    assert request_id.get() == "req-1"


async def test_async_tasks_share_the_caller_s_context_as_in_fastapi() -> None:
    seen: list[str] = []

    async def async_tag() -> None:
        request_id.set("async-task")

    async def async_read() -> None:
        seen.append(request_id.get())

    tasks = BackgroundTasks()
    tasks.add_task(async_tag)
    tasks.add_task(async_read)
    tasks.add_task(lambda: seen.append(request_id.get()))
    request_id.set("req-1")
    await tasks()
    assert seen == ["async-task", "async-task"]


async def test_concurrent_tasks_each_run_in_their_own_copy_of_the_caller_s_context() -> None:
    seen: list[str] = []
    tagged = anyio.Event()

    async def async_tag() -> None:
        request_id.set("async-task")
        tagged.set()

    async def async_read_after_tag() -> None:
        await tagged.wait()
        seen.append(request_id.get())

    tasks = BackgroundTasks(max_concurrency=2)
    for _ in range(3):  # two workers: each runs a tagging task before a reading one
        tasks.add_task(async_tag)
    tasks.add_task(async_read_after_tag)
    tasks.add_task(async_read_after_tag)
    tasks.add_task(tag, "sync-task")
    tasks.add_task(lambda: seen.append(request_id.get()))
    request_id.set("req-1")
    await tasks()
    assert seen == ["req-1"] * 3
    assert request_id.get() == "req-1"
