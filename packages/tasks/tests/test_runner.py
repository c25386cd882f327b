import contextvars
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import anyio.from_thread
import anyio.lowlevel
import anyio.to_thread
import pytest

from fastslim_tasks import (
    BackgroundTask,
    QueueFullError,
    RunnerClosedError,
    TaskCancelledError,
    TaskFinished,
    TaskHandle,
    TaskNotFinishedError,
    TaskOptions,
    TaskRunner,
    TaskRunnerError,
    TaskStatus,
)

pytestmark = pytest.mark.anyio

origin: contextvars.ContextVar[str] = contextvars.ContextVar("origin", default="unset")


class Boom(Exception):
    pass


async def test_submit_returns_a_handle_with_the_result() -> None:
    async def add(a: int, b: int) -> int:
        return a + b

    def shout(word: str) -> str:
        return word.upper()

    async with TaskRunner() as runner:
        total = runner.submit(add, 2, 3)
        loud = runner.submit(shout, word="hi")
        await total.wait()
        await loud.wait()
    assert total.result() == 5
    assert loud.result() == "HI"
    assert total.status is TaskStatus.DONE
    assert total.exception() is None


async def test_status_goes_pending_running_done() -> None:
    started = anyio.Event()
    release = anyio.Event()

    async def job() -> str:
        started.set()
        await release.wait()
        return "ok"

    seen: list[tuple[TaskStatus, bool]] = []
    async with TaskRunner() as runner:
        handle = runner.submit(job)
        seen.append((handle.status, handle.done()))
        await started.wait()
        seen.append((handle.status, handle.done()))
        release.set()
        await handle.wait()
        seen.append((handle.status, handle.done()))
    assert seen == [
        (TaskStatus.PENDING, False),
        (TaskStatus.RUNNING, False),
        (TaskStatus.DONE, True),
    ]


async def test_a_failing_task_is_failed_logged_and_reported_without_stopping_the_runner(
    caplog: pytest.LogCaptureFixture,
) -> None:
    failures: list[str] = []

    def fail() -> None:
        raise Boom("report broken")

    async with TaskRunner(error_hook=lambda task, exc: failures.append(task.name)) as runner:
        with caplog.at_level(logging.ERROR, logger="fastslim.tasks"):
            bad = runner.submit_with(TaskOptions(name="report-7"), fail)
            await bad.wait()
        good = runner.submit(lambda: "still running")
        await good.wait()
    assert bad.status is TaskStatus.FAILED
    assert isinstance(bad.exception(), Boom)
    with pytest.raises(Boom, match="report broken"):
        bad.result()
    assert good.result() == "still running"
    assert failures == ["report-7"]
    assert '"report-7"' in caplog.text
    assert "report broken" in caplog.text


async def test_concurrency_limit_holds_and_tasks_start_in_submission_order() -> None:
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

    async with TaskRunner(max_concurrency=3) as runner:
        handles = [runner.submit(job, index) for index in range(12)]
    assert started == list(range(12))
    assert peak == 3
    assert all(handle.status is TaskStatus.DONE for handle in handles)


async def test_a_full_queue_raises_and_drops_nothing() -> None:
    release = anyio.Event()

    async def job(index: int) -> int:
        await release.wait()
        return index

    async with TaskRunner(max_concurrency=2, max_pending=3) as runner:
        accepted = [runner.submit(job, index) for index in range(5)]  # 2 running + 3 pending
        with pytest.raises(QueueFullError) as info:
            runner.submit_with(TaskOptions(name="overflow"), job, 99)
        message = str(info.value)
        assert '"overflow"' in message
        assert "3 pending, max_pending=3" in message
        release.set()
    assert [handle.result() for handle in accepted] == [0, 1, 2, 3, 4]


async def test_max_pending_zero_accepts_only_while_a_slot_is_free() -> None:
    release = anyio.Event()
    async with TaskRunner(max_concurrency=1, max_pending=0) as runner:
        first = runner.submit(release.wait)
        with pytest.raises(QueueFullError):
            runner.submit(release.wait)
        release.set()
        await first.wait()
        second = runner.submit(anyio.sleep, 0)
    assert second.status is TaskStatus.DONE


async def test_exit_drains_running_and_queued_work() -> None:
    finished: list[int] = []

    async def job(index: int) -> None:
        await anyio.sleep(0.02)
        finished.append(index)

    async with TaskRunner(max_concurrency=2, drain_timeout=10) as runner:
        handles = [runner.submit(job, index) for index in range(6)]
    assert sorted(finished) == list(range(6))
    assert [handle.status for handle in handles] == [TaskStatus.DONE] * 6


async def test_drain_cancels_past_the_deadline_and_logs_each_cancelled_task(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def quick() -> str:
        return "done"

    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"):
        with anyio.fail_after(5):
            async with TaskRunner(max_concurrency=1, drain_timeout=0.1) as runner:
                done = runner.submit(quick)
                await done.wait()
                stuck = runner.submit_with(TaskOptions(name="stuck"), anyio.sleep_forever)
                queued = runner.submit_with(TaskOptions(name="queued"), quick)
    assert done.status is TaskStatus.DONE
    assert stuck.status is TaskStatus.CANCELLED
    assert queued.status is TaskStatus.CANCELLED
    messages = [record.getMessage() for record in caplog.records]
    assert any('"stuck"' in message and "running" in message for message in messages)
    assert any('"queued"' in message and "pending" in message for message in messages)
    with pytest.raises(TaskCancelledError, match='"stuck"'):
        stuck.result()


async def test_drain_deadline_abandons_a_blocked_sync_task() -> None:
    release = threading.Event()
    with anyio.fail_after(5):
        async with TaskRunner(drain_timeout=0.05) as runner:
            handle = runner.submit(release.wait, 10)
    assert handle.status is TaskStatus.CANCELLED
    release.set()


async def test_cancel_a_pending_task_so_it_never_starts() -> None:
    release = anyio.Event()
    ran: list[str] = []
    async with TaskRunner(max_concurrency=1) as runner:
        blocker = runner.submit(release.wait)
        pending = runner.submit(ran.append, "should not run")
        assert pending.cancel() is True
        assert pending.status is TaskStatus.CANCELLED
        release.set()
    assert ran == []
    assert blocker.status is TaskStatus.DONE
    assert pending.cancel() is False


async def test_cancel_a_running_task() -> None:
    started = anyio.Event()

    async def forever() -> None:
        started.set()
        await anyio.sleep_forever()

    async with TaskRunner() as runner:
        handle = runner.submit(forever)
        await started.wait()
        assert handle.cancel() is True
        await handle.wait()
        assert handle.status is TaskStatus.CANCELLED
        after = runner.submit(lambda: "runner still works")
        await after.wait()
    assert after.result() == "runner still works"


async def test_cancel_right_after_submit_before_the_task_starts() -> None:
    ran: list[str] = []
    async with TaskRunner() as runner:
        handle = runner.submit(ran.append, "never")
        assert handle.cancel() is True
        await handle.wait()
    assert handle.status is TaskStatus.CANCELLED
    assert ran == []


async def test_submit_and_cancel_from_a_worker_thread() -> None:
    results: list[TaskHandle[int]] = []

    async def double(value: int) -> int:
        return value * 2

    async with TaskRunner() as runner:

        def sync_code() -> None:
            results.append(runner.submit(double, 21))
            forever = runner.submit(anyio.sleep_forever)
            forever.cancel()
            results.append(forever)  # type: ignore[arg-type]

        await anyio.to_thread.run_sync(sync_code)
        for handle in results:
            await handle.wait()
    assert results[0].result() == 42
    assert results[1].status is TaskStatus.CANCELLED


async def test_submit_from_a_plain_thread() -> None:
    handles: list[TaskHandle[str]] = []

    async with TaskRunner() as runner:
        thread = threading.Thread(target=lambda: handles.append(runner.submit(str.upper, "x")))
        thread.start()
        await anyio.to_thread.run_sync(thread.join)
        await handles[0].wait()
    assert handles[0].result() == "X"


async def test_submit_outside_the_context_is_a_clear_error() -> None:
    runner = TaskRunner()
    with pytest.raises(RunnerClosedError, match="not running"):
        runner.submit(print)
    async with runner:
        pass
    with pytest.raises(RunnerClosedError, match=r'"print".*closed'):
        runner.submit(print)
    with pytest.raises(TaskRunnerError, match=r"only once; <TaskRunner .*> is closed"):
        async with runner:
            pass


async def test_entering_twice_or_leaving_unentered_is_a_task_runner_error() -> None:
    runner = TaskRunner()
    with pytest.raises(TaskRunnerError, match="never entered"):
        await runner.__aexit__(None, None, None)
    async with runner:
        with pytest.raises(TaskRunnerError, match=r"only once; <TaskRunner .*> is running"):
            await runner.__aenter__()


def test_every_runner_error_is_a_task_runner_error() -> None:
    for error in (QueueFullError, RunnerClosedError, TaskCancelledError, TaskNotFinishedError):
        assert issubclass(error, TaskRunnerError)
    assert issubclass(TaskRunnerError, RuntimeError)


async def test_observer_sees_runner_tasks() -> None:
    events: list[tuple[str, TaskStatus]] = []

    class Recorder:
        def task_started(self, task: BackgroundTask) -> None:
            pass

        def task_finished(self, event: TaskFinished) -> None:
            events.append((event.task.name, event.status))

    async with TaskRunner(observer=Recorder()) as runner:
        runner.submit_with(TaskOptions(name="a"), anyio.sleep, 0)
    assert events == [("a", TaskStatus.DONE)]


async def test_timeout_option_fails_the_task_with_timeout_error() -> None:
    async with TaskRunner() as runner:
        handle = runner.submit_with(TaskOptions(timeout=0.02), anyio.sleep_forever)
        await handle.wait()
    assert handle.status is TaskStatus.FAILED
    assert isinstance(handle.exception(), TimeoutError)


async def test_an_exception_in_the_body_still_drains() -> None:
    finished: list[str] = []

    async def job() -> None:
        await anyio.sleep(0.01)
        finished.append("job")

    async def use_runner_then_fail() -> None:
        async with TaskRunner() as runner:
            runner.submit(job)
            raise Boom

    with pytest.raises(Boom):
        await use_runner_then_fail()
    assert finished == ["job"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_concurrency": 0}, "max_concurrency must be a positive integer, got 0"),
        ({"max_concurrency": True}, "got True"),
        ({"max_pending": -1}, "max_pending must be a non-negative integer or None, got -1"),
        ({"drain_timeout": -0.5}, "drain_timeout must be a non-negative number"),
    ],
)
def test_invalid_settings_are_rejected_with_their_value(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        TaskRunner(**kwargs)  # type: ignore[arg-type]


async def test_a_task_submitted_while_another_runs_starts_at_once() -> None:
    first_started = anyio.Event()
    second_started = anyio.Event()
    release = anyio.Event()

    async def first() -> None:
        first_started.set()
        await release.wait()

    async def second() -> None:
        second_started.set()

    async with TaskRunner(max_concurrency=2) as runner:
        runner.submit(first)
        await first_started.wait()
        runner.submit(second)
        with anyio.fail_after(2):
            await second_started.wait()
        release.set()


async def test_tasks_run_in_the_context_the_runner_was_entered_in() -> None:
    seen: list[str] = []
    origin.set("runner")
    async with TaskRunner() as runner:

        async def request() -> TaskHandle[None]:
            origin.set("request")  # the submitter's own context
            return runner.submit(lambda: seen.append(origin.get()))

        async def async_job() -> None:
            seen.append(origin.get())

        handle = await request()
        await handle.wait()
        other = runner.submit(async_job)
        await other.wait()
        await anyio.to_thread.run_sync(lambda: runner.submit(async_job))
    assert seen == ["runner", "runner", "runner"]


# -- leaving by an outer cancellation drains like any other exit ------------------


async def sleep_then_record(finished: list[int], index: int) -> None:
    await anyio.sleep(0.3)
    finished.append(index)


async def test_an_outer_cancellation_drains_running_and_queued_tasks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    finished: list[int] = []
    start = anyio.current_time()
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"), anyio.fail_after(5):
        with anyio.move_on_after(0.1) as outer:
            async with TaskRunner(max_concurrency=1, drain_timeout=2) as runner:
                first = runner.submit(sleep_then_record, finished, 1)
                second = runner.submit(sleep_then_record, finished, 2)
                await anyio.sleep_forever()
    elapsed = anyio.current_time() - start
    assert outer.cancelled_caught
    assert finished == [1, 2]
    assert (first.status, second.status) == (TaskStatus.DONE, TaskStatus.DONE)
    assert 0.6 <= elapsed < 1.5
    assert caplog.records == []  # nothing was cancelled, so nothing says so


async def test_an_outer_cancellation_with_no_drain_limit_finishes_the_tasks() -> None:
    finished: list[int] = []
    with anyio.fail_after(5):
        with anyio.move_on_after(0.1):
            async with TaskRunner(max_concurrency=1, drain_timeout=None) as runner:
                runner.submit(sleep_then_record, finished, 1)
                runner.submit(sleep_then_record, finished, 2)
                await anyio.sleep_forever()
    assert finished == [1, 2]


async def test_an_outer_cancellation_with_nothing_queued_exits_at_once() -> None:
    start = anyio.current_time()
    with anyio.fail_after(5):
        with anyio.move_on_after(0.05):
            async with TaskRunner(drain_timeout=None) as runner:
                await runner.submit(anyio.sleep, 0).wait()
                await anyio.sleep_forever()
    assert anyio.current_time() - start < 1


async def test_an_outer_cancellation_cancels_at_the_drain_deadline_and_logs_each_task(
    caplog: pytest.LogCaptureFixture,
) -> None:
    start = anyio.current_time()
    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"), anyio.fail_after(5):
        with anyio.move_on_after(0.1):
            async with TaskRunner(max_concurrency=1, drain_timeout=0.2) as runner:
                running = runner.submit_with(TaskOptions(name="slow"), anyio.sleep, 5)
                queued = runner.submit_with(TaskOptions(name="queued"), anyio.sleep, 0)
                await anyio.sleep_forever()
    elapsed = anyio.current_time() - start
    assert 0.25 <= elapsed < 1.5  # cancelled at the deadline, not at once
    assert (running.status, queued.status) == (TaskStatus.CANCELLED, TaskStatus.CANCELLED)
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert '"queued"' in messages[0]
    assert "while pending" in messages[0]
    assert '"slow"' in messages[1]
    assert "while running" in messages[1]


async def test_a_task_cancelled_by_hand_during_the_drain_is_not_blamed_on_the_deadline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    started = anyio.Event()

    async def forever() -> None:
        started.set()
        await anyio.sleep_forever()

    with caplog.at_level(logging.WARNING, logger="fastslim.tasks"), anyio.fail_after(5):
        async with TaskRunner(drain_timeout=10) as runner:
            handle = runner.submit(forever)
            await started.wait()

            async def cancel_soon() -> None:
                await anyio.sleep(0.05)
                handle.cancel()

            runner.submit(cancel_soon)
    assert handle.status is TaskStatus.CANCELLED
    assert caplog.records == []


# -- a BaseException that is not an Exception is a failure like any other --------


class Custom(BaseException):
    pass


async def raise_custom() -> None:
    raise Custom("custom")


async def raise_system_exit() -> None:
    raise SystemExit(3)


async def exit_async() -> None:
    await anyio.lowlevel.checkpoint()
    sys.exit(4)


def exit_sync() -> None:
    sys.exit(5)


async def raise_keyboard_interrupt() -> None:
    raise KeyboardInterrupt


def interrupt_sync() -> None:
    raise KeyboardInterrupt


async def raise_generator_exit() -> None:
    raise GeneratorExit


BASE_FAILURES = [
    pytest.param(raise_custom, Custom, False, id="custom"),
    pytest.param(raise_system_exit, SystemExit, True, id="system-exit"),
    pytest.param(exit_async, SystemExit, True, id="sys-exit-async"),
    pytest.param(exit_sync, SystemExit, True, id="sys-exit-sync"),
    pytest.param(raise_keyboard_interrupt, KeyboardInterrupt, True, id="keyboard-interrupt"),
    pytest.param(interrupt_sync, KeyboardInterrupt, True, id="keyboard-interrupt-sync"),
    pytest.param(raise_generator_exit, GeneratorExit, False, id="generator-exit"),
]


@pytest.mark.parametrize(("fail", "kind", "propagates"), BASE_FAILURES)
@pytest.mark.parametrize("drain_timeout", [2, None])
async def test_a_base_exception_fails_its_task_and_the_runner_goes_on(
    fail: Callable[[], Any],
    kind: type[BaseException],
    propagates: bool,
    drain_timeout: float | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hooked: list[BaseException] = []
    body_done: list[str] = []
    start = anyio.current_time()

    async def use_runner() -> tuple[TaskHandle[Any], TaskHandle[str]]:
        hook = lambda task, exc: hooked.append(exc)  # noqa: E731
        async with TaskRunner(
            max_concurrency=1, drain_timeout=drain_timeout, error_hook=hook
        ) as runner:
            failing = runner.submit_with(TaskOptions(name="failing"), fail)
            after = runner.submit(lambda: "after")
            await after.wait()
            await anyio.sleep(0.01)  # the body is not cancelled
            body_done.append("yes")
        return failing, after

    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"), anyio.fail_after(5):
        if propagates:
            with pytest.raises(kind):
                await use_runner()
            handles = None
        else:
            handles = await use_runner()
    assert anyio.current_time() - start < 1
    assert body_done == ["yes"]
    [record] = caplog.records
    assert '"failing"' in record.getMessage()
    assert record.exc_info is not None
    assert record.exc_info[0] is kind
    assert hooked == []  # the hook takes Exceptions only
    if handles is not None:
        failing, after = handles
        assert failing.status is TaskStatus.FAILED
        assert isinstance(failing.exception(), kind)
        with pytest.raises(kind):
            failing.result()
        assert after.result() == "after"


async def test_an_exit_exception_of_a_task_does_not_hide_the_body_s_own_exception() -> None:
    async def use_runner() -> None:
        async with TaskRunner() as runner:
            await runner.submit(raise_system_exit).wait()
            raise Boom("from the body")

    with pytest.raises(Boom, match="from the body"):
        await use_runner()


# -- each task runs in its own copy of the runner's context -----------------------


async def test_a_task_never_sees_what_another_task_set() -> None:
    seen: list[str] = []

    async def async_set(value: str) -> None:
        origin.set(value)
        await anyio.lowlevel.checkpoint()

    async def async_read() -> None:
        await anyio.lowlevel.checkpoint()
        seen.append(origin.get())

    def sync_set(value: str) -> None:
        origin.set(value)

    def sync_read() -> None:
        seen.append(origin.get())

    origin.set("runner")
    async with TaskRunner(max_concurrency=1) as runner:
        for setter, reader in [
            (async_set, async_read),
            (sync_set, sync_read),
            (async_set, sync_read),
            (sync_set, async_read),
        ]:
            runner.submit(setter, "set by a task")
            await runner.submit(reader).wait()
        assert origin.get() == "runner"  # nor does the body
    assert seen == ["runner"] * 4


async def test_tasks_run_in_the_context_the_runner_was_entered_in_not_the_submitter_s() -> None:
    seen: list[str] = []
    origin.set("lifespan")
    async with TaskRunner(max_concurrency=2) as runner:
        origin.set("request")  # set after entering: a submitter's own value
        handle = runner.submit(lambda: seen.append(origin.get()))
        await handle.wait()
    assert seen == ["lifespan"]


# -- calls from threads racing the runner's exit; O(1) cancellation ---------------


def hold_calls_into_the_loop(monkeypatch: pytest.MonkeyPatch, release: threading.Event) -> None:
    """Holds a thread's call into the loop (for at most 0.3 s) after the runner let it
    through: the thread is preempted there while the runner exits."""
    real = anyio.from_thread.run_sync

    def held(*args: Any, **kwargs: Any) -> Any:
        release.wait(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(anyio.from_thread, "run_sync", held)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_a_thread_s_submit_racing_the_end_of_the_loop_gets_runner_closed_error(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    outcomes: list[str] = []

    def submit_from_thread(runner: TaskRunner) -> None:
        try:
            runner.submit(print)
        except RunnerClosedError:
            outcomes.append("closed")
        except BaseException as exc:  # the fault: anyio's RunFinishedError
            outcomes.append(repr(exc))
        else:
            outcomes.append("accepted")

    async def main() -> threading.Thread:
        async with TaskRunner() as runner:
            thread = threading.Thread(target=submit_from_thread, args=(runner,))
            thread.start()
            await anyio.sleep(0.05)  # the thread is now held on its way to the loop
        return thread

    hold_calls_into_the_loop(monkeypatch, release)
    thread = anyio.run(main, backend=backend)
    release.set()  # the loop has finished
    thread.join(5)
    assert outcomes == ["closed"]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_a_thread_s_cancel_racing_the_end_of_the_loop_returns_false(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    outcomes: list[object] = []

    def cancel_from_thread(handle: TaskHandle[None]) -> None:
        try:
            outcomes.append(handle.cancel())
        except BaseException as exc:  # the fault: anyio's RunFinishedError
            outcomes.append(repr(exc))

    async def main() -> tuple[threading.Thread, TaskHandle[None]]:
        async with TaskRunner() as runner:
            handle = runner.submit(anyio.sleep, 0)
            await handle.wait()
            thread = threading.Thread(target=cancel_from_thread, args=(handle,))
            thread.start()
            await anyio.sleep(0.05)
        return thread, handle

    hold_calls_into_the_loop(monkeypatch, release)
    thread, handle = anyio.run(main, backend=backend)
    release.set()
    thread.join(5)
    assert outcomes == [False]
    assert handle.status is TaskStatus.DONE


async def test_threads_submitting_and_cancelling_while_the_runner_exits() -> None:
    outcomes: list[str] = []

    def hammer(runner: TaskRunner) -> None:
        give_up = time.monotonic() + 5
        while time.monotonic() < give_up:  # until the runner refuses
            try:
                handle = runner.submit(anyio.sleep, 0.001)
            except RunnerClosedError:
                outcomes.append("closed")
                return
            except BaseException as exc:
                outcomes.append(repr(exc))
                return
            handle.cancel()
        outcomes.append("never refused")

    with anyio.fail_after(10):
        async with TaskRunner(max_pending=None) as runner:
            threads = [threading.Thread(target=hammer, args=(runner,)) for _ in range(3)]
            for thread in threads:
                thread.start()
            await anyio.sleep(0.1)
        for thread in threads:
            await anyio.to_thread.run_sync(thread.join)
    assert outcomes == ["closed"] * 3


async def test_cancelling_pending_tasks_takes_constant_time_wherever_they_wait() -> None:
    async def cancel_newest_first(count: int) -> float:
        release = anyio.Event()
        async with TaskRunner(max_concurrency=1, max_pending=None) as runner:
            runner.submit(release.wait)
            handles = [runner.submit(anyio.sleep, 0) for _ in range(count)]
            start = time.perf_counter()
            for handle in reversed(handles):
                handle.cancel()
            elapsed = time.perf_counter() - start
            release.set()
        assert all(handle.status is TaskStatus.CANCELLED for handle in handles)
        return elapsed

    small = min([await cancel_newest_first(2_000) for _ in range(3)])
    large = min([await cancel_newest_first(32_000) for _ in range(3)])
    # 16 times the handles: about 16 times the time if each cancel is O(1), 256
    # times if each searches the queue (margin for a loaded machine).
    assert large / small < 80, (small, large)
