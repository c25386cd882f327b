"""Reports on Celery workers (`SHOP_TASKS_BROKER`): submitted through any server
process, polled through any other, listed with the broker's statuses.

A report is a row of the shop's database (its id, shared by every process) and a
Celery task (its status, shared through the broker's result backend). Once a
report is seen finished, its outcome is kept in the database too (`ReportOutcome`):
Celery's record does not last (results expire after a day, a Redis restarted
without persistence forgets them), and a finished report must not look pending
again. A report whose task Celery has no record of, `UNKNOWN_AFTER` seconds after
it was requested and with no outcome kept, is `unknown`. Imported only when the
broker is set: without it the shop needs no Celery.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from fastslim_tasks import TaskHandle, TaskNotFoundError, TaskOptions, TaskRunner, TaskStatus
from fastslim_tasks_celery import CeleryBackend, celery_app

from .context import Shop
from .db import Report, ReportOutcome, utcnow
from .reports import build_report_on_worker, report_body
from .schemas import TaskInfo
from .settings import Settings

UNKNOWN = "unknown"
"""The status of a report whose task Celery has no record of (expired, or lost)."""
UNKNOWN_AFTER = 60.0
"""Seconds after its request before a report Celery does not know is `unknown`
(before that, its task may still be on its way to the broker: `pending`)."""


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
    """Report `report_id` (`report_body`): its kept outcome, else the broker's status;
    None if no such report was submitted."""
    rows = await anyio.to_thread.run_sync(_reports, shop, report_id)
    if not rows:
        return None
    return await _body(shop, runner, rows[0])


async def list_reports(shop: Shop, runner: TaskRunner) -> list[TaskInfo]:
    """Every report, with its kept outcome or the broker's status (the runner's own
    durations are not known here: each is None)."""
    tasks = []
    for row in await anyio.to_thread.run_sync(_reports, shop, None):
        status = (await _body(shop, runner, row))["status"]
        tasks.append(TaskInfo(name=f"report {row[0]}", status=status, duration=None))
    return tasks


_Row = tuple[int, str | None, dt.datetime, str | None]
"""A report's id, task id, request time and kept outcome (JSON)."""


async def _body(shop: Shop, runner: TaskRunner, row: _Row) -> dict[str, Any]:
    report_id, task_id, requested_at, kept = row
    if kept is not None:
        body: dict[str, Any] = json.loads(kept)
        return body
    try:
        handle = await runner.handle(task_id or "")
    except TaskNotFoundError:
        if _age(requested_at) < UNKNOWN_AFTER:  # on its way to the broker
            return {"id": report_id, "status": TaskStatus.PENDING.value}
        return {
            "id": report_id,
            "status": UNKNOWN,
            "error": "Celery has no record of this report's task (its result expired, "
            "or the broker lost it); request a new report",
        }
    body = report_body(report_id, handle)
    if handle.status.finished:
        await anyio.to_thread.run_sync(_keep, shop, report_id, handle, body)
    return body


def _age(requested_at: dt.datetime) -> float:
    if requested_at.tzinfo is None:  # SQLite and PostgreSQL give it back naive
        requested_at = requested_at.replace(tzinfo=dt.UTC)
    return (utcnow() - requested_at).total_seconds()


def _reports(shop: Shop, report_id: int | None) -> list[_Row]:
    query = (
        select(Report.id, Report.task_id, Report.requested_at, ReportOutcome.body)
        .outerjoin(ReportOutcome, ReportOutcome.report_id == Report.id)
        .order_by(Report.id)
    )
    if report_id is not None:
        query = query.where(Report.id == report_id)
    with shop.db.session() as session:
        rows = session.execute(query).all()
    return [(rid, task_id, at, body) for rid, task_id, at, body in rows]


def _keep(shop: Shop, report_id: int, handle: TaskHandle[Any], body: dict[str, Any]) -> None:
    with shop.db.session() as session:
        session.add(
            ReportOutcome(report_id=report_id, status=handle.status.value, body=json.dumps(body))
        )
        try:
            session.commit()
        except IntegrityError:  # another server process kept it first: the same outcome
            session.rollback()
