"""The shop on several processes (SHOP_TASKS_BROKER): a real Redis, a real Celery
worker and `uvicorn --workers 2`, started and stopped here. A report submitted
through one server process is polled through the other, and /admin/tasks lists
every report with the broker's statuses."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from _shop_served import SHOP_DIR, free_port, wait_for


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis_url(folder: Path) -> Iterator[str]:
    """The session's Redis (FASTSLIM_TEST_REDIS_URL, started by nox), database 15,
    or a redis-server of the system started here."""
    given = os.environ.get("FASTSLIM_TEST_REDIS_URL")
    if given:
        yield given.rpartition("/")[0] + "/15"
        return
    binary = shutil.which("redis-server")
    assert binary, "this test needs redis-server (apt-get install redis-server)"
    port = free_port()
    command = [
        binary,
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--dir",
        str(folder),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        wait_for(lambda: redis_answers(port), "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def process(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`command` running until the block is left: SIGTERM (a warm shutdown), then kill."""
    with log.open("w") as out:
        started = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield started
    finally:
        started.send_signal(signal.SIGTERM)
        try:
            started.wait(timeout=20)
        except subprocess.TimeoutExpired:
            started.kill()
            started.wait()


def served_by(response: httpx.Response) -> str:
    return response.headers["x-shop-process"]


def test_reports_on_a_celery_worker_behind_two_server_processes(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with redis_url(tmp_path) as broker:
        env = {
            **os.environ,
            "PYTHONPATH": str(SHOP_DIR),
            "SHOP_DATA_DIR": str(tmp_path),
            "SHOP_PORT": str(port),
            "SHOP_REPORT_SECONDS": "0.05",
            "SHOP_TASKS_BROKER": broker,
        }
        celery = [sys.executable, "-m", "celery", "-A", "shop.worker", "worker", "-c", "2"]
        celery += ["--without-gossip", "--without-mingle", "--loglevel", "INFO"]
        uvicorn = [sys.executable, "-m", "uvicorn", "--factory", "shop:app_from_env"]
        uvicorn += ["--workers", "2", "--host", "127.0.0.1", "--port", str(port)]
        worker_log, server_log = tmp_path / "worker.log", tmp_path / "server.log"
        with process(celery, env, worker_log), process(uvicorn, env, server_log):
            # Three processes starting at once on a busy machine: give them time.
            wait_for(lambda: " ready." in worker_log.read_text(), "the celery worker", 120)
            wait_for(lambda: httpx.get(f"{base}/items").status_code == 200, "the server", 120)
            started = "Application startup complete"
            wait_for(lambda: server_log.read_text().count(started) == 2, "both server processes")
            item = {"name": "Rope", "price": 2.5, "stock": 4}
            assert httpx.post(f"{base}/items", json=item).status_code == 201
            # Each request on a new connection: either server process may take it.
            submitted: dict[int, str] = {}
            for _ in range(60):
                response = httpx.post(f"{base}/reports")
                assert response.status_code == 202, response.text
                submitted[response.json()["id"]] = served_by(response)
                if len(set(submitted.values())) == 2 and len(submitted) >= 4:
                    break
            assert len(set(submitted.values())) == 2, f"one process served all: {submitted}"

            polled_elsewhere = []
            for report_id, submitter in submitted.items():

                def done(report_id: int = report_id) -> httpx.Response | None:
                    response = httpx.get(f"{base}/reports/{report_id}")
                    return response if response.json()["status"] == "done" else None

                response = wait_for(done, f"report {report_id}")
                assert response.json() == {
                    "id": report_id,
                    "status": "done",
                    "result": {"report": report_id, "items": 1, "units": 4, "stock_value": 10.0},
                }
                for _ in range(20):  # and through the other process too
                    again = httpx.get(f"{base}/reports/{report_id}")
                    if served_by(again) != submitter:
                        assert again.json() == response.json()
                        polled_elsewhere.append(report_id)
                        break
            assert polled_elsewhere, "no report was polled through the other process"

            login = {"username": "admin", "password": "shop-admin"}
            token = httpx.post(f"{base}/token", data=login).json()["access_token"]
            listed = httpx.get(f"{base}/admin/tasks", headers={"Authorization": f"Bearer {token}"})
            assert listed.json() == [
                {"name": f"report {report_id}", "status": "done", "duration": None}
                for report_id in sorted(submitted)
            ]
            assert httpx.get(f"{base}/reports/999").status_code == 404
    worker_text = worker_log.read_text()
    assert "shop.reports:build_report_on_worker" in worker_text
    assert worker_text.count("succeeded in") == len(submitted)
