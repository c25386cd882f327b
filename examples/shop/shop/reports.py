"""A slow report, run on the app's TaskRunner and polled by id."""

from __future__ import annotations

from typing import Any

import anyio
from sqlalchemy import select

from .context import Shop
from .db import Item


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
