"""A worker killed while it runs a task: the task's fate is reported, nothing hangs;
and a worker stopped as an operator stops it (SIGTERM, Celery's warm shutdown) first
finishes what it runs: the worker's drain."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import anyio
import anyio.to_thread
import celery_jobs as jobs
import pytest
from celery import Celery
from celery_services import Worker

from fastslim_tasks import TaskRunner, TaskStatus
from fastslim_tasks_celery import CeleryBackend, RemoteTaskError

pytestmark = pytest.mark.anyio


@pytest.fixture
def own_worker(redis_url: str, tmp_path: Path) -> Iterator[Worker]:
    """A worker of this test's own, which the test may kill."""
    worker = Worker(redis_url, tmp_path / "lost-worker.log")
    yield worker
    worker.kill()


async def started(pid_file: Path) -> int:
    """The pid of the pool process that started the task (it writes the file)."""
    path = anyio.Path(pid_file)
    with anyio.fail_after(20):
        while not await path.exists() or not await path.read_text():
            await anyio.sleep(0.01)
    return int(await path.read_text())


async def test_a_killed_pool_process_fails_the_task_with_worker_lost(
    redis_url: str, own_worker: Worker, tmp_path: Path, client_app: Callable[[], Celery]
) -> None:
    pid_file = tmp_path / "pid"
    # The worker's main process reports it: no need for the heartbeat here.
    backend = CeleryBackend(client_app(), lost_after=30)
    async with TaskRunner(backend=backend) as runner:
        handle = runner.submit(jobs.pid_then_sleep, str(pid_file), 30)
        os.kill(await started(pid_file), signal.SIGKILL)
        with anyio.fail_after(10):
            await handle.wait()
        assert handle.status is TaskStatus.FAILED
        error = handle.exception()
        assert isinstance(error, RemoteTaskError)
        assert error.remote_type == "WorkerLostError"
        assert "signal 9 (SIGKILL)" in error.remote_message
        # The worker itself goes on with a new pool process.
        after = runner.submit(jobs.add, 1, 2)
        with anyio.fail_after(10):
            await after.wait()
        assert after.result() == 3


async def test_a_killed_worker_is_found_out_by_its_missing_heartbeat(
    redis_url: str, own_worker: Worker, tmp_path: Path, client_app: Callable[[], Celery]
) -> None:
    pid_file = tmp_path / "pid"
    backend = CeleryBackend(client_app())
    async with TaskRunner(backend=backend) as runner:
        handle = runner.submit(jobs.pid_then_sleep, str(pid_file), 30)
        await started(pid_file)
        with anyio.fail_after(10):
            while handle.status is not TaskStatus.RUNNING:
                await anyio.sleep(0.01)
        own_worker.kill()  # the worker and its pool: nobody left to record anything
        with anyio.fail_after(10):  # three heartbeats of 0.25 s, and a poll
            await handle.wait()
        error = handle.exception()
        assert isinstance(error, RemoteTaskError)
        assert error.remote_type == "WorkerLostError"
        assert error.remote_message.startswith("the worker running it stopped: no heartbeat for")
    # The failure is recorded: another process looking it up sees it too.
    async with TaskRunner(backend=CeleryBackend(client_app())) as other:
        found = await other.handle(handle.id)
        assert found.status is TaskStatus.FAILED
        assert str(found.exception()) == str(error)


async def test_a_warm_shutdown_lets_the_running_task_finish(
    own_worker: Worker, tmp_path: Path, client_app: Callable[[], Celery]
) -> None:
    marker = tmp_path / "ran"
    async with TaskRunner(backend=CeleryBackend(client_app())) as runner:
        handle = runner.submit(jobs.sleep_then_mark, 1.0, str(marker))
        with anyio.fail_after(20):
            while handle.status is not TaskStatus.RUNNING:
                await anyio.sleep(0.01)
        await anyio.to_thread.run_sync(own_worker.stop)  # SIGTERM, and wait for its exit
        assert own_worker.process.returncode == 0
        with anyio.fail_after(10):
            await handle.wait()
        assert handle.result() == "slept"
        assert await anyio.Path(marker).exists()
