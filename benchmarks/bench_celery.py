"""The TaskRunner on Celery workers through Redis against the in-process runner, in
one run: submit-to-done latency (p50, p99) of 1,000 tiny tasks one at a time, and a
burst of 1,000 submitted at once (its throughput and latencies), with 1 and 2
Celery worker processes (prefork), and the in-process runner's figures for the same
task (a sync function, run in a thread there).

Starts a redis-server of the system on 127.0.0.1 (or uses `--redis-url`) and the
`celery worker` processes itself. Absolute times depend on the machine (and on its
other load): the report names its settings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anyio

from fastslim_tasks import TaskHandle, TaskRunner

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until(check: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"Timed out waiting for {what}")
        time.sleep(0.05)


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis_server(given: str | None) -> Iterator[str]:
    """`given`, or FASTSLIM_TEST_REDIS_URL (nox starts one), or a redis-server of the
    system started here."""
    given = given or os.environ.get("FASTSLIM_TEST_REDIS_URL")
    if given:
        yield given
        return
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("bench_celery needs redis-server (apt-get install redis-server)")
    port = free_port()
    folder = tempfile.mkdtemp(prefix="bench-redis-")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    server = subprocess.Popen([*command, "--dir", folder], stdout=subprocess.DEVNULL)
    try:
        wait_until(lambda: redis_answers(port), "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def celery_worker(url: str, processes: int) -> Iterator[None]:
    log = Path(tempfile.mkstemp(prefix="bench-worker-", suffix=".log")[1])
    env = {**os.environ, "BENCH_REDIS_URL": url, "PYTHONPATH": str(HERE)}
    command = [sys.executable, "-m", "celery", "-A", "celery_jobs", "worker"]
    command += ["--pool", "prefork", "--concurrency", str(processes), "--loglevel", "WARNING"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    command += ["--hostname", f"bench{processes}@%h"]
    with log.open("w") as out:
        worker = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        # Ready when it answers a ping over the broker.
        from fastslim_tasks_celery import celery_app

        app = celery_app(url)

        def pinged() -> bool:
            if worker.poll() is not None:
                raise SystemExit(f"the celery worker exited:\n{log.read_text()}")
            return bool(app.control.ping(timeout=0.5))

        wait_until(pinged, "the celery worker")
        yield
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
        log.unlink()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def one_at_a_time(runner: TaskRunner, func: Callable[[int], int], count: int) -> list[float]:
    latencies = []
    for index in range(count):
        start = time.perf_counter()
        handle = runner.submit(func, index)
        await handle.wait()
        latencies.append(time.perf_counter() - start)
        assert handle.result() == index
    return latencies


async def burst(
    runner: TaskRunner, func: Callable[[int], int], count: int
) -> tuple[float, list[float]]:
    """(seconds from the first submit to the last done, each task's latency)."""
    latencies: list[float] = []

    async def watch(handle: TaskHandle[Any], submitted: float) -> None:
        await handle.wait()
        latencies.append(time.perf_counter() - submitted)

    start = time.perf_counter()
    async with anyio.create_task_group() as group:
        for index in range(count):
            group.start_soon(watch, runner.submit(func, index), time.perf_counter())
    return time.perf_counter() - start, latencies


def report(label: str, sequential: list[float], elapsed: float, latencies: list[float]) -> None:
    ms = 1000.0
    print(
        f"{label:<34} one at a time: p50 {statistics.median(sequential) * ms:7.2f} ms  "
        f"p99 {percentile(sequential, 0.99) * ms:7.2f} ms | burst of {len(latencies)}: "
        f"{len(latencies) / elapsed:8.0f} tasks/s  p50 {statistics.median(latencies) * ms:8.1f} ms"
        f"  p99 {percentile(latencies, 0.99) * ms:8.1f} ms",
        flush=True,
    )


async def measure(make_runner: Callable[[], TaskRunner], count: int) -> tuple[Any, ...]:
    from celery_jobs import tiny

    async with make_runner() as runner:
        await one_at_a_time(runner, tiny, 20)  # warm-up: connections, threads, pools
        sequential = await one_at_a_time(runner, tiny, count)
        elapsed, latencies = await burst(runner, tiny, count)
    return sequential, elapsed, latencies


def main(count: int, redis_url: str | None, poll_interval: float | None) -> None:
    sys.path.insert(0, str(HERE))
    from fastslim_tasks_celery import CeleryBackend, celery_app

    polling = (
        "Redis change notices and a poll every 0.5 s (the default)"
        if poll_interval is None
        else f"Redis change notices and a poll every {poll_interval} s"
    )
    print(
        f"TaskRunner: {count} tiny sync tasks (return their argument), asyncio; "
        f"Celery {__import__('celery').__version__}, prefork workers, Redis broker and "
        f"results, {polling}; {os.cpu_count()} CPUs"
    )
    in_process = anyio.run(measure, lambda: TaskRunner(max_pending=None), count)
    report("in-process TaskRunner", *in_process)
    with redis_server(redis_url) as url:
        for processes in (1, 2):
            with celery_worker(url, processes):

                def make_runner() -> TaskRunner:
                    app = celery_app(url)
                    backend = CeleryBackend(app, poll_interval=poll_interval)
                    return TaskRunner(backend=backend, max_pending=None)

                figures = anyio.run(measure, make_runner, count)
                report(
                    f"Celery, {processes} worker process{'es' if processes > 1 else ''}", *figures
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--redis-url", default=None, help="a Redis to use (default: start one)")
    parser.add_argument("--poll-interval", type=float, default=None)
    arguments = parser.parse_args()
    main(arguments.count, arguments.redis_url, arguments.poll_interval)
