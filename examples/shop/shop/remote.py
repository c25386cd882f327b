"""Reports on Celery workers (`SHOP_TASKS_BROKER`): submitted through any server
process, polled through any other, listed with the broker's statuses.

A report is a row of the shop's database (its id, shared by every process) and a
Celery task (its status, shared through the broker's result backend). Imported
only when the broker is set: without it the shop needs no Celery.
"""

from __future__ import annotations

import contextlib
from typing import Any

import anyio.to_thread
from sqlalchemy import select

from fastslim_tasks import TaskNotFoundError, TaskOptions, TaskRunner, TaskStatus
from fastslim_tasks_celery import CeleryBackend, celery_app

from .context import Shop
from .db import Report
from .reports import build_report_on_worker, report_body
from .schemas import TaskInfo
from .settings import Settings


def celery_runner(settings: Settings) -> TaskRunner:
    """The app's TaskRunner on the Celery workers of `settings.tasks_broker`."""
    backend = CeleryBackend(celery_app(settings.tasks_broker))
    return TaskRunner(backend=backend, drain_timeout=settings.drain_timeout)


def submit_report(shop: Shop, runner: TaskRunner) -> dict[str, Any]:
    """A new report row and its Celery task (call it from a worker thread)."""
    with shop.db.session() as session:
        report = Report()
        session.add(report)
        session.flush()
        report_id = report.id
        handle = runner.submit_with(
            TaskOptions(name=f"report {report_id}"), build_report_on_worker, report_id
        )
        report.task_id = handle.id
        session.commit()
    return {"id": report_id, "status": handle.status.value}


async def read_report(shop: Shop, runner: TaskRunner, report_id: int) -> dict[str, Any] | None:
    """Report `report_id` with the broker's status (`report_body`); None if no such
    report was submitted."""
    found, task_id = await anyio.to_thread.run_sync(_task_id, shop, report_id)
    if not found:
        return None
    try:
        handle = await runner.handle(task_id or "")
    except TaskNotFoundError:  # its row is there, its task is on its way to the broker
        return {"id": report_id, "status": TaskStatus.PENDING.value}
    return report_body(report_id, handle)


def _task_id(shop: Shop, report_id: int) -> tuple[bool, str | None]:
    with shop.db.session() as session:
        row = session.execute(select(Report.task_id).where(Report.id == report_id)).first()
    return (False, None) if row is None else (True, row[0])


async def list_reports(shop: Shop, runner: TaskRunner) -> list[TaskInfo]:
    """Every report, as the broker sees it (the runner's own durations are not
    known here: each is None)."""
    rows = await anyio.to_thread.run_sync(_reports, shop)
    tasks = []
    for report_id, task_id in rows:
        status = TaskStatus.PENDING.value
        if task_id is not None:
            with contextlib.suppress(TaskNotFoundError):  # on its way to the broker
                status = (await runner.handle(task_id)).status.value
        tasks.append(TaskInfo(name=f"report {report_id}", status=status, duration=None))
    return tasks


def _reports(shop: Shop) -> list[tuple[int, str | None]]:
    with shop.db.session() as session:
        rows = session.execute(select(Report.id, Report.task_id).order_by(Report.id)).all()
    return [(report_id, task_id) for report_id, task_id in rows]
