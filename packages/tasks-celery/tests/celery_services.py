"""A real Redis and real `celery worker` processes for the tests.

Redis: `FASTSLIM_TEST_REDIS_URL` when set (the nox session starts one), else a
`redis-server` of the system started here on 127.0.0.1, on a free port.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
REDIS_URL_VARIABLE = "FASTSLIM_TEST_REDIS_URL"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(check: Callable[[], Any], what: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}.")


def redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A redis-server on 127.0.0.1 and a free port, without persistence; its URL
    (database 0). Stopped on exit."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError(
            "These tests need redis-server (apt-get install redis-server), or "
            f"{REDIS_URL_VARIABLE} naming a Redis to use (nox -s tests-tasks-celery starts one)."
        )
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: redis_ping(port), "redis-server to answer", timeout=10)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Worker:
    """A `celery worker` subprocess running tests/celery_worker.py's app."""

    def __init__(self, redis_url: str, log: Path, *, concurrency: int = 2) -> None:
        self.log = log
        env = {
            **os.environ,
            REDIS_URL_VARIABLE: redis_url,
            "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        }
        command = [sys.executable, "-m", "celery", "-A", "celery_worker", "worker"]
        command += ["--pool", "prefork", "--concurrency", str(concurrency)]
        command += ["--without-gossip", "--without-mingle", "--loglevel", "INFO"]
        command += ["--hostname", f"{log.stem}@%h"]
        with log.open("w") as out:
            self.process = subprocess.Popen(
                command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            wait_for(self._ready, "the celery worker to be ready", timeout=120)
        except BaseException:
            self.kill()
            raise

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"The celery worker exited:\n{self.log.read_text()}")
        return " ready." in self.log.read_text()

    def children(self) -> list[int]:
        """The pids of the worker's pool processes."""
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        """Warm shutdown (SIGTERM), as an operator stops a worker."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once: nobody records anything."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
