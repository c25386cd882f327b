"""shop.remote without a broker: a finished report's outcome is kept in the shop's
database, so it outlives Celery's record; a report Celery has no record of is
`unknown` once past its grace period, not `pending`. The runner here is an
in-process one: it answers `runner.handle(task_id)` as a Celery backend does
(the handle, or TaskNotFoundError); test_shop_celery runs the real set-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from shop import Settings
from shop.context import Shop
from shop.db import Database, Report, utcnow
from shop.remote import UNKNOWN_AFTER, list_reports, read_report

from fastslim_tasks import TaskRunner


@pytest.fixture
def shop(settings: Settings) -> Iterator[Shop]:
    shop = Shop(settings=settings, db=Database(settings.database_url))
    shop.db.create_tables()
    yield shop
    shop.db.dispose()


def add_report(shop: Shop, task_id: str, *, age: float = 0) -> int:
    with shop.db.session() as session:
        report = Report(task_id=task_id, requested_at=utcnow() - dt.timedelta(seconds=age))
        session.add(report)
        session.commit()
        return report.id


async def report_result() -> dict[str, Any]:
    return {"items": 1}


async def report_failure() -> None:
    raise ValueError("no stock table")


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
@pytest.mark.anyio
async def test_a_finished_report_stays_finished_once_celery_forgets_it(shop: Shop) -> None:
    async with TaskRunner() as runner:
        done, failed = runner.submit(report_result), runner.submit(report_failure)
        done_id, failed_id = add_report(shop, done.id), add_report(shop, failed.id)
        await done.wait()
        await failed.wait()
        seen_done = await read_report(shop, runner, done_id)
        assert seen_done == {"id": done_id, "status": "done", "result": {"items": 1}}
        seen = [(t.name, t.status) for t in await list_reports(shop, runner)]
        assert seen == [(f"report {done_id}", "done"), (f"report {failed_id}", "failed")]
    async with TaskRunner() as forgetful:  # as Celery once the records are gone
        assert await read_report(shop, forgetful, done_id) == seen_done
        assert await read_report(shop, forgetful, failed_id) == {
            "id": failed_id,
            "status": "failed",
            "error": "no stock table",
        }
        assert await read_report(shop, forgetful, 999) is None


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
@pytest.mark.anyio
async def test_a_report_celery_has_no_record_of_is_unknown_after_the_grace(shop: Shop) -> None:
    fresh = add_report(shop, "on-its-way")
    gone = add_report(shop, "expired", age=UNKNOWN_AFTER + 1)
    async with TaskRunner() as runner:
        assert await read_report(shop, runner, fresh) == {"id": fresh, "status": "pending"}
        body = await read_report(shop, runner, gone)
        assert body is not None
        assert (body["id"], body["status"]) == (gone, "unknown")
        assert "Celery has no record of this report's task" in body["error"]
        statuses = [t.status for t in await list_reports(shop, runner)]
        assert statuses == ["pending", "unknown"]
