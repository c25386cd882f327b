"""A slow report, run on the app's TaskRunner and polled by id; with
`SHOP_TASKS_BROKER`, on Celery workers (`build_report_on_worker`)."""

from __future__ import annotations

from typing import Any

import anyio
from sqlalchemy import select

from fastslim_tasks import TaskHandle, TaskStatus

from .context import Shop
from .db import Database, Item
from .settings import Settings


def _stock(shop: Shop) -> list[tuple[str, float, int]]:
    with shop.db.session() as session:
        rows = session.execute(select(Item.name, Item.price, Item.stock)).all()
    return [(name, price, stock) for name, price, stock in rows]


async def build_report(shop: Shop, report_id: int) -> dict[str, Any]:
    """The stock report: item count, units and stock value. Takes
    `settings.report_seconds` per item (at least one item's worth), to stand for
    slow work; cancelled at shutdown when it outlives the drain timeout."""
    rows = await anyio.to_thread.run_sync(_stock, shop)
    value = 0.0
    for _ in range(max(1, len(rows))):
        await anyio.sleep(shop.settings.report_seconds)
    for _name, price, stock in rows:
        value += price * stock
    return {
        "report": report_id,
        "items": len(rows),
        "units": sum(stock for _, _, stock in rows),
        "stock_value": round(value, 2),
    }


async def build_report_on_worker(report_id: int) -> dict[str, Any]:
    """`build_report` on a Celery worker (`celery -A shop.worker worker`): the
    worker's own connection to the shop's database, from its `SHOP_*` settings."""
    settings = Settings.from_env()
    shop = Shop(settings=settings, db=Database(settings.database_url))
    try:
        return await build_report(shop, report_id)
    finally:
        shop.db.dispose()


def report_body(report_id: int, handle: TaskHandle[Any]) -> dict[str, Any]:
    """What `GET /reports/{id}` answers: the status, and the result or the error."""
    body: dict[str, Any] = {"id": report_id, "status": handle.status.value}
    if handle.status is TaskStatus.DONE:
        body["result"] = handle.result()
    elif handle.status is TaskStatus.FAILED:
        body["error"] = str(handle.exception())
    return body
