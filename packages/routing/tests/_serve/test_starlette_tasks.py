"""`_serve/_starlette_tasks.py`: a request's background tasks go through Starlette's
`BackgroundTask.__call__` once some code wrapped it (OpenTelemetry's FastAPI
instrumentation does), as FastAPI's tasks (Starlette's) do; not otherwise."""

from collections.abc import Callable
from typing import Any

import pytest
from starlette.background import BackgroundTask

from fastslim_routing.applications import FastAPI
from fastslim_tasks import BackgroundTasks, TaskOptions
from fastslim_testclient import TestClient

Client = Callable[..., TestClient]


def make_app(done: list[str]) -> FastAPI:
    app = FastAPI()

    async def notify(name: str) -> None:
        done.append(name)

    def sync_notify(name: str) -> None:
        done.append(name)

    @app.post("/checkout")
    def checkout(tasks: BackgroundTasks) -> str:
        tasks.add_task(notify, "first")
        tasks.add_task(sync_notify, "second")
        tasks.add_task_with(TaskOptions(timeout=5), notify, "third")
        return "ok"

    return app


def test_a_wrapped_starlette_call_sees_every_task(
    client_for: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    original = BackgroundTask.__call__

    async def wrapped(self: BackgroundTask) -> None:
        seen.append(getattr(self.func, "__name__", type(self.func).__name__))
        await original(self)

    monkeypatch.setattr(BackgroundTask, "__call__", wrapped)
    done: list[str] = []
    assert client_for(make_app(done)).post("/checkout").json() == "ok"
    assert done == ["first", "second", "third"]
    assert seen == ["notify", "sync_notify", "BackgroundTask"]  # the timed one as itself


def test_fastslim_runs_them_itself_otherwise(
    client_for: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    original = BackgroundTasks.__call__

    async def counted(self: BackgroundTasks) -> None:
        calls.append(self)
        await original(self)

    monkeypatch.setattr(BackgroundTasks, "__call__", counted)
    done: list[str] = []
    client_for(make_app(done)).post("/checkout")
    assert done == ["first", "second", "third"]
    assert len(calls) == 1
