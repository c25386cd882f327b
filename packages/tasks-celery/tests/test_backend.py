"""`CeleryBackend` against a real Redis and a real `celery worker` (prefork, 2
processes), on asyncio and trio."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio
import celery_jobs as jobs
import pytest
import redis
from celery import Celery
from celery_services import TESTS, Worker

from fastslim_tasks import (
    QueueFullError,
    RunnerClosedError,
    TaskCancelledError,
    TaskHandle,
    TaskNotFoundError,
    TaskOptions,
    TaskRunner,
    TaskStatus,
)
from fastslim_tasks_celery import CeleryBackend, RemoteTaskError, RemoteTimeoutError

pytestmark = pytest.mark.anyio
LEASE = 30.0
"""These tests' workers beat every 0.25 s (for test_worker_lost): a slow machine must
not make a living worker look lost here."""


@pytest.fixture
async def runner(
    redis_url: str, worker: Worker, client_app: Callable[[], Celery]
) -> AsyncIterator[TaskRunner]:
    # Redis change notices, and a poll every 0.5 s.
    backend = CeleryBackend(client_app(), lost_after=LEASE)
    async with TaskRunner(backend=backend, drain_timeout=5) as runner:
        yield runner


async def finished(handle: TaskHandle[Any], timeout: float = 20) -> TaskHandle[Any]:
    with anyio.fail_after(timeout):
        await handle.wait()
    return handle


def status_of(handle: TaskHandle[Any]) -> TaskStatus:
    return handle.status  # a call: a status read before an await does not narrow the next


async def status_becomes(handle: TaskHandle[Any], status: TaskStatus) -> None:
    with anyio.fail_after(20):
        while handle.status is not status:
            await anyio.sleep(0.01)


async def test_submit_returns_a_pending_handle_and_the_result_comes_back(
    runner: TaskRunner,
) -> None:
    handle = runner.submit(jobs.add, 2, y=40)
    assert status_of(handle) is TaskStatus.PENDING
    assert handle.name == "add"
    assert len(handle.id) == 36  # Celery's task id
    await finished(handle)
    assert handle.status is TaskStatus.DONE
    assert handle.result() == 42
    assert handle.exception() is None
    assert handle.cancel() is False


async def test_an_async_task_runs_under_anyio_on_the_worker(runner: TaskRunner) -> None:
    value = {"nested": [1, 2.5, None, True, "é"]}
    handle = await finished(runner.submit(jobs.async_echo, value, delay=0.01))
    assert handle.result() == value


async def test_status_goes_pending_running_done(runner: TaskRunner, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    handle = runner.submit(jobs.sleep_then_mark, 0.5, str(marker))
    await status_becomes(handle, TaskStatus.RUNNING)
    assert not marker.exists()
    await finished(handle)
    assert handle.status is TaskStatus.DONE
    assert marker.exists()


async def test_a_remote_failure_names_the_task_its_id_and_the_remote_error(
    runner: TaskRunner,
) -> None:
    handle = await finished(runner.submit(jobs.fail, "no such month"))
    assert handle.status is TaskStatus.FAILED
    error = handle.exception()
    assert isinstance(error, RemoteTaskError)
    assert str(error) == (
        f'Task "fail" (id {handle.id}) failed on a Celery worker: ValueError: no such month'
    )
    assert (error.task_name, error.task_id) == ("fail", handle.id)
    assert (error.remote_type, error.remote_module) == ("ValueError", "builtins")
    assert error.remote_message == "no such month"
    assert error.remote_traceback is not None
    assert "raise ValueError(message)" in error.remote_traceback
    with pytest.raises(RemoteTaskError, match="ValueError: no such month"):
        handle.result()


async def test_a_result_that_is_not_json_fails_on_the_worker(runner: TaskRunner) -> None:
    handle = await finished(runner.submit(jobs.not_json))
    with pytest.raises(RemoteTaskError, match=r"TypeError: .*the result is \{1, 2\}, a set"):
        handle.result()


async def test_a_function_the_worker_does_not_offer_fails_as_not_registered(
    runner: TaskRunner,
) -> None:
    handle = await finished(runner.submit(json.dumps, [1]))
    with pytest.raises(RemoteTaskError, match=r"NotRegistered: .*json:dumps"):
        handle.result()


async def test_a_timeout_becomes_the_time_limit(runner: TaskRunner) -> None:
    sync = runner.submit_with(TaskOptions(timeout=0.3), jobs.sleep_then_mark, 30, "/nonexistent")
    coro = runner.submit_with(TaskOptions(timeout=0.3, name="nap"), jobs.async_sleep, 30)
    for handle, remote_type in ((sync, "SoftTimeLimitExceeded"), (coro, "TimeoutError")):
        await finished(handle, timeout=10)
        error = handle.exception()
        assert isinstance(error, RemoteTimeoutError)
        assert isinstance(error, TimeoutError)
        assert error.remote_type == remote_type
    assert coro.name == "nap"


async def test_cancel_of_a_queued_task_means_it_never_runs(
    runner: TaskRunner, tmp_path: Path
) -> None:
    # Both worker processes busy: the third task waits on the broker.
    busy = [runner.submit(jobs.sleep_then_mark, 1.0, str(tmp_path / f"busy{i}")) for i in (1, 2)]
    for handle in busy:
        await status_becomes(handle, TaskStatus.RUNNING)
    marker = tmp_path / "queued"
    queued = runner.submit(jobs.sleep_then_mark, 0, str(marker))
    await anyio.sleep(0.1)
    assert status_of(queued) is TaskStatus.PENDING
    assert queued.cancel() is True
    await finished(queued)
    assert queued.status is TaskStatus.CANCELLED
    with pytest.raises(TaskCancelledError):
        queued.result()
    for handle in busy:
        await finished(handle)
    await anyio.sleep(0.3)  # a worker process is free again: it still does not run
    assert not marker.exists()
    assert queued.cancel() is False


async def test_cancel_of_a_running_task_terminates_it(runner: TaskRunner, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    handle = runner.submit(jobs.sleep_then_mark, 1.5, str(marker))
    await status_becomes(handle, TaskStatus.RUNNING)
    assert await anyio.to_thread.run_sync(handle.cancel) is True  # from another thread
    await finished(handle)
    assert handle.status is TaskStatus.CANCELLED
    await anyio.sleep(1.7)
    assert not marker.exists()
    # The pool replaced the terminated process: the worker goes on.
    assert (await finished(runner.submit(jobs.add, 1, 1))).result() == 2


async def test_cancel_right_after_submit(runner: TaskRunner, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    # Whether the cancellation reaches it before or after it starts, it never
    # gets to the end.
    handle = runner.submit(jobs.sleep_then_mark, 0.5, str(marker))
    assert handle.cancel() is True
    await finished(handle)
    assert handle.status is TaskStatus.CANCELLED
    await anyio.sleep(0.7)
    assert not marker.exists()


async def test_lookup_by_id_returns_the_same_handle_or_a_new_one(
    runner: TaskRunner, redis_url: str, client_app: Callable[[], Celery]
) -> None:
    handle = runner.submit(jobs.add, 20, 1)
    assert await runner.handle(handle.id) is handle
    await finished(handle)
    async with TaskRunner(backend=CeleryBackend(client_app(), lost_after=LEASE)) as other:
        found = await other.handle(handle.id)
        assert found is not handle
        assert (found.name, found.status, found.result()) == ("add", TaskStatus.DONE, 21)
        with pytest.raises(TaskNotFoundError, match="No task with id 'nobody-submitted-this'"):
            await other.handle("nobody-submitted-this")


async def test_lookup_and_cancel_from_a_second_process(runner: TaskRunner, redis_url: str) -> None:
    running = runner.submit(jobs.async_sleep, 30)
    failed = await finished(runner.submit(jobs.fail, "boom"))
    await status_becomes(running, TaskStatus.RUNNING)
    script = [sys.executable, str(TESTS / "celery_lookup.py"), redis_url, running.id, failed.id]
    with anyio.fail_after(60):
        out = await anyio.run_process(script)
    seen = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert seen == [
        {"id": running.id, "name": "async_sleep", "status": "running"},
        {"id": running.id, "name": "async_sleep", "status": "cancelled"},
        {
            "id": failed.id,
            "name": "fail",
            "status": "failed",
            "error": f'Task "fail" (id {failed.id}) failed on a Celery worker: ValueError: boom',
        },
    ]
    await finished(running)
    assert running.status is TaskStatus.CANCELLED


async def test_leaving_the_runner_stops_watching_what_still_runs(
    redis_url: str, worker: Worker, client_app: Callable[[], Celery]
) -> None:
    async with TaskRunner(backend=CeleryBackend(client_app(), lost_after=LEASE)) as runner:
        handle = runner.submit(jobs.async_sleep, 0.5)
        await status_becomes(handle, TaskStatus.RUNNING)
    with pytest.raises(RunnerClosedError, match="goes on on the Celery workers"):
        await handle.wait()
    assert handle.cancel() is False  # its runner let it go: nothing to cancel it with
    # It went on: a new runner follows it to its end.
    async with TaskRunner(backend=CeleryBackend(client_app(), lost_after=LEASE)) as runner:
        again = await finished(await runner.handle(handle.id))
        assert again.result() == "slept"


async def test_many_tasks_from_the_loop_and_from_threads(runner: TaskRunner) -> None:
    handles = [runner.submit(jobs.add, i, i) for i in range(50)]
    handles += [await anyio.to_thread.run_sync(runner.submit, jobs.add, i, 1) for i in range(5)]
    for handle in handles:
        await finished(handle)
    assert [h.result() for h in handles] == [2 * i for i in range(50)] + [i + 1 for i in range(5)]


async def test_a_change_is_seen_at_once_not_at_the_next_poll(
    redis_url: str, worker: Worker, client_app: Callable[[], Celery]
) -> None:
    backend = CeleryBackend(client_app(), poll_interval=30, lost_after=LEASE)
    async with TaskRunner(backend=backend) as runner:
        for index in range(5):
            with anyio.fail_after(10):  # far below the poll interval
                await runner.submit(jobs.add, index, 1).wait()


async def test_without_change_notices_polling_sees_every_change(
    redis_url: str,
    worker: Worker,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    client_app: Callable[[], Celery],
) -> None:
    monkeypatch.setattr("fastslim_tasks_celery._pump.redis_client", lambda backend: None)
    backend = CeleryBackend(client_app(), lost_after=LEASE)
    async with TaskRunner(backend=backend) as runner:
        assert backend._pump.poll_interval == 0.02
        handle = runner.submit(jobs.sleep_then_mark, 0.3, str(tmp_path / "ran"))
        await status_becomes(handle, TaskStatus.RUNNING)
        assert (await finished(handle)).result() == "slept"
        failed = await finished(runner.submit(jobs.fail, "polled"))
        assert isinstance(failed.exception(), RemoteTaskError)
        cancelled = runner.submit(jobs.async_sleep, 30)
        await status_becomes(cancelled, TaskStatus.RUNNING)
        cancelled.cancel()
        await finished(cancelled)
        assert cancelled.status is TaskStatus.CANCELLED


async def test_change_notices_resume_after_the_subscription_is_dropped(
    redis_url: str,
    worker: Worker,
    client_app: Callable[[], Celery],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Redis drops a subscriber whose output buffer overflows (a big record), or
    # restarts: polling alone would take 30 s here.
    backend = CeleryBackend(client_app(), poll_interval=30, lost_after=LEASE)
    notifier = backend._pump._notifier
    assert notifier is not None
    caplog.set_level(logging.WARNING, "fastslim.tasks")
    async with TaskRunner(backend=backend) as runner:
        await finished(runner.submit(jobs.add, 1, 1), timeout=10)
        for dropped in range(1, 3):
            watched = runner.submit(jobs.async_sleep, 1.0)  # subscribed before the drop
            await status_becomes(watched, TaskStatus.RUNNING)
            host, port = notifier._pubsub.connection._sock.getsockname()[:2]
            address = f"{host}:{port}"
            with redis.Redis.from_url(redis_url) as admin:
                assert admin.client_kill_filter(_type="pubsub", addr=address) == 1
            await anyio.sleep(0.5)
            with anyio.fail_after(10):  # far below the poll interval
                while not notifier.listening:
                    await anyio.sleep(0.01)
            await finished(watched, timeout=10)
            for index in range(3):
                await finished(runner.submit(jobs.add, index, dropped), timeout=10)
            messages = [r.getMessage() for r in caplog.records]
            stopped = [m for m in messages if "change notices stopped" in m]
            assert len(stopped) == dropped, messages  # once for each drop
            assert messages.count("The Celery backend's change notices resumed") == dropped


async def test_max_pending_counts_the_tasks_no_worker_started_yet(
    redis_url: str, worker: Worker, client_app: Callable[[], Celery]
) -> None:
    backend = CeleryBackend(client_app(), lost_after=LEASE)
    async with TaskRunner(backend=backend, max_pending=1) as runner:
        # Both worker processes busy: the next task waits on the broker.
        busy = [runner.submit(jobs.async_sleep, 1.0)]
        await status_becomes(busy[0], TaskStatus.RUNNING)
        busy.append(runner.submit(jobs.async_sleep, 1.0))
        await status_becomes(busy[1], TaskStatus.RUNNING)
        waiting = runner.submit(jobs.add, 1, 2)
        with pytest.raises(QueueFullError, match=r"1 of its tasks pending on <CeleryBackend"):
            runner.submit(jobs.add, 3, 4)
        assert (await finished(waiting)).result() == 3
        assert (await finished(runner.submit(jobs.add, 3, 4))).result() == 7
        for handle in busy:
            await finished(handle)
