"""`celery_app`: the app of both sides, and the allow-list of a worker."""

from __future__ import annotations

import celery_jobs
import pytest
from celery.backends.redis import RedisBackend

from fastslim_tasks import TaskRunner
from fastslim_tasks_celery import CeleryBackend, celery_app

URL = "redis://127.0.0.1:1/0"  # never connected to by these tests


def test_the_worker_registers_the_functions_its_modules_define() -> None:
    app = celery_app(URL, modules=["celery_jobs"])
    names = sorted(name for name in app.tasks if name.startswith("celery_jobs:"))
    assert names == [
        "celery_jobs:_private_helper",
        "celery_jobs:add",
        "celery_jobs:async_echo",
        "celery_jobs:async_sleep",
        "celery_jobs:fail",
        "celery_jobs:not_json",
        "celery_jobs:pid_then_sleep",
        "celery_jobs:sleep_then_mark",
    ]
    # What the module imported (Path, anyio) is not offered.
    assert "celery_jobs:Path" not in app.tasks
    assert app.tasks["celery_jobs:add"].name == "celery_jobs:add"
    assert celery_jobs.add(1, 2) == 3  # the function itself is left as it was


def test_celery_registers_its_built_in_tasks_as_the_readme_lists() -> None:
    app = celery_app(URL, modules=["celery_jobs"])
    built_in = sorted(name for name in app.tasks if not name.startswith("celery_jobs:"))
    assert built_in == [
        "celery.accumulate",
        "celery.backend_cleanup",
        "celery.chain",
        "celery.chord",
        "celery.chord_unlock",
        "celery.chunks",
        "celery.group",
        "celery.map",
        "celery.starmap",
    ]


def test_the_app_speaks_json_and_stores_results_in_the_broker_by_default() -> None:
    app = celery_app(URL, task_default_queue="reports")
    assert app.conf.task_serializer == "json"
    assert app.conf.result_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_default_queue == "reports"
    assert isinstance(app.backend, RedisBackend)
    assert app.tasks.get("celery_jobs:add") is None


def test_a_module_that_cannot_be_imported_fails_now() -> None:
    with pytest.raises(ModuleNotFoundError, match="no_such_module"):
        celery_app(URL, modules=["no_such_module"])


@pytest.mark.parametrize("heartbeat", [0, -1, True, "2"])
def test_heartbeat_is_a_positive_number(heartbeat: object) -> None:
    with pytest.raises(ValueError, match="heartbeat must be a positive number of seconds"):
        celery_app(URL, heartbeat=heartbeat)  # type: ignore[arg-type]


def test_the_backend_needs_a_result_backend_every_process_can_read() -> None:
    from celery import Celery

    with pytest.raises(ValueError, match="has no result backend"):
        CeleryBackend(Celery("x", broker=URL))
    with pytest.raises(ValueError, match="the rpc:// result backend"):
        CeleryBackend(Celery("x", broker=URL, backend="rpc://"))
    with pytest.raises(ValueError, match="poll_interval must be a positive number"):
        CeleryBackend(celery_app(URL), poll_interval=0)
    with pytest.raises(ValueError, match="lost_after must be a positive number"):
        CeleryBackend(celery_app(URL), lost_after=-1)


@pytest.mark.anyio
async def test_submit_refuses_what_cannot_cross_at_once() -> None:
    backend = CeleryBackend(celery_app(URL))
    async with TaskRunner(backend=backend, drain_timeout=0) as runner:
        with pytest.raises(TypeError, match='Cannot submit "<lambda>" to Celery: it is a lambda'):
            runner.submit(lambda: None)
        with pytest.raises(
            TypeError,
            match=r'Cannot submit "add" to Celery: argument 1 is \(2,\), a tuple, not JSON',
        ):
            runner.submit(celery_jobs.add, 1, (2,))  # type: ignore[call-overload]
    assert repr(backend) == "<CeleryBackend app='fastslim'>"
