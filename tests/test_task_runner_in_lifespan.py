"""A TaskRunner started in an app's lifespan: requests submit work and return at once.

The pattern the routing package builds in: jobs outlive the request that
submitted them, status is polled through the runner's handles, and shutdown
drains the runner.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from fastslim.testclient import AsyncTestClient, TestClient
from fastslim_tasks import QueueFullError, TaskHandle, TaskOptions, TaskRunner, TaskStatus


def make_app(release: threading.Event, finished: list[str]) -> Starlette:
    handles: dict[int, TaskHandle[Any]] = {}
    ids = itertools.count(1)

    def build_report(month: int) -> str:
        release.wait(5)  # blocking work, in a worker thread
        finished.append(f"report {month}")
        return f"report-{month:02d}.pdf"

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, TaskRunner]]:
        async with TaskRunner(max_concurrency=2, max_pending=2, drain_timeout=5) as runner:
            yield {"runner": runner}

    async def submit(request: Request) -> JSONResponse:
        runner: TaskRunner = request.state.runner
        month = int(request.path_params["month"])
        job_id = next(ids)
        handles[job_id] = runner.submit_with(
            TaskOptions(name=f"report {month}"), build_report, month
        )
        return JSONResponse({"job": job_id}, status_code=202)

    async def status(request: Request) -> JSONResponse:
        handle = handles[int(request.path_params["job"])]
        body: dict[str, Any] = {"status": handle.status.value}
        if handle.status is TaskStatus.DONE:
            body["file"] = handle.result()
        return JSONResponse(body)

    routes = [
        Route("/reports/{month:int}", submit, methods=["POST"]),
        Route("/jobs/{job:int}", status),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_jobs_outlive_their_request_and_shutdown_drains_them(
    backend: Literal["asyncio", "trio"],
) -> None:
    release = threading.Event()
    finished: list[str] = []
    with TestClient(make_app(release, finished), backend=backend) as client:
        response = client.post("/reports/7")
        assert response.status_code == 202
        job = response.json()["job"]
        assert client.get(f"/jobs/{job}").json()["status"] in {"pending", "running"}
        assert finished == []  # the request did not wait for the job
        release.set()
        for _ in range(200):
            body = client.get(f"/jobs/{job}").json()
            if body["status"] == "done":
                break
            threading.Event().wait(0.01)
        assert body == {"status": "done", "file": "report-07.pdf"}
        release.clear()
        client.post("/reports/8")
        threading.Timer(0.05, release.set).start()
    # Leaving the client ran the lifespan shutdown, which drained the runner.
    assert finished == ["report 7", "report 8"]


@pytest.mark.anyio
async def test_a_full_runner_is_a_clear_server_error_not_a_lost_job() -> None:
    release = threading.Event()
    finished: list[str] = []
    async with AsyncTestClient(make_app(release, finished)) as client:
        for month in range(1, 5):  # 2 running + 2 pending
            assert (await client.post(f"/reports/{month}")).status_code == 202
        with pytest.raises(QueueFullError, match=r'"report 5".*queue is full'):
            await client.post("/reports/5")
        release.set()
    assert sorted(finished) == [f"report {month}" for month in range(1, 5)]
