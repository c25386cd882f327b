"""fastslim's BackgroundTasks against FastAPI's, on the same FastAPI route.

The endpoint builds its tasks with one class or the other and hands them to the
response; order, threads, the failure policy (the first failure stops the rest
and reaches the server) and the response must be the same. Runs only in
`nox -s compat`.
"""

import threading
from typing import Any

import fastapi
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse

import fastslim_tasks
from fastslim.testclient import TestClient


class Failure(Exception):
    pass


def run(tasks_class: Any, fail_at: int | None) -> tuple[list[str], Any]:
    log: list[str] = []
    loop_thread: list[int] = []

    def sync_step(name: str) -> None:
        log.append(f"{name} sync off-loop={threading.get_ident() != loop_thread[0]}")
        if fail_at is not None and name == f"step {fail_at}":
            raise Failure(name)

    async def async_step(name: str, *, suffix: str = "") -> None:
        log.append(f"{name} async{suffix}")
        if fail_at is not None and name == f"step {fail_at}":
            raise Failure(name)

    app = FastAPI()

    @app.post("/orders")
    async def create_order() -> JSONResponse:
        loop_thread.append(threading.get_ident())
        tasks = tasks_class()
        tasks.add_task(sync_step, "step 1")
        tasks.add_task(async_step, "step 2", suffix="!")
        tasks.add_task(sync_step, "step 3")
        tasks.add_task(sync_step, "step 4")
        tasks.add_task(async_step, "step 5")
        log.append("endpoint")
        return JSONResponse({"created": True}, status_code=201, background=tasks)

    client = TestClient(app)
    try:
        response = client.post("/orders")
    except Failure as exc:
        return log, f"raised {exc}"
    return log, (response.status_code, response.json())


@pytest.mark.parametrize("fail_at", [None, 1, 3, 5])
def test_same_order_threads_and_failure_policy_as_fastapi(fail_at: int | None) -> None:
    expected = run(fastapi.BackgroundTasks, fail_at)
    actual = run(fastslim_tasks.BackgroundTasks, fail_at)
    assert actual == expected
    assert expected[0][0] == "endpoint"
