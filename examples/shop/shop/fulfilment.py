"""Order fulfilment: sequential background steps, each with its own session.

validate -> reserve stock -> send the confirmation (an outbox row) -> notify
fulfilment (a webhook). A failing step stops the ones after it; it is logged by
fastslim-tasks (with the task's name and traceback) and the error hook marks the
order `failed` with the step and the reason.
"""

from __future__ import annotations

import contextlib

from fastslim_tasks import BackgroundTask, BackgroundTasks, TaskOptions

from .context import Shop
from .db import Database, Item, Order, OutboxMessage
from .notify import post_webhook


class StepFailed(Exception):
    """A fulfilment step could not be done; the message says why."""


def _advance(db: Database, order_id: int, step: str, status: str) -> None:
    with db.session() as session:
        order = session.get_one(Order, order_id)
        order.steps = ",".join(filter(None, [order.steps, step]))
        order.status = status
        session.commit()


def validate(db: Database, order_id: int) -> None:
    with db.session() as session:
        order = session.get_one(Order, order_id)
        if session.get(Item, order.item_id) is None:
            raise StepFailed(f"Item {order.item_id} does not exist.")
    _advance(db, order_id, "validate", "validated")


def reserve_stock(db: Database, order_id: int) -> None:
    with db.session() as session:
        order = session.get_one(Order, order_id)
        item = session.get_one(Item, order.item_id)
        if item.stock < order.quantity:
            raise StepFailed(
                f"Not enough stock for item {item.id}: {item.stock} left, {order.quantity} ordered."
            )
        item.stock -= order.quantity
        session.commit()
    _advance(db, order_id, "reserve_stock", "reserved")


def send_confirmation(db: Database, order_id: int) -> None:
    with db.session() as session:
        order = session.get_one(Order, order_id)
        session.add(
            OutboxMessage(
                order_id=order_id,
                recipient=order.email,
                subject=f"Order {order_id} confirmed",
                body=f"{order.quantity} x item {order.item_id} will ship soon.",
            )
        )
        session.commit()
    _advance(db, order_id, "send_confirmation", "confirmed")


async def notify_fulfilment(shop: Shop, order_id: int) -> None:
    await post_webhook(shop, "order.ready", {"order": order_id})
    _advance(shop.db, order_id, "notify_fulfilment", "fulfilled")


def fulfilment_steps(shop: Shop, order_id: int) -> BackgroundTasks:
    """The steps of order `order_id`, in order, reporting to the task feed."""

    def mark_failed(task: BackgroundTask, exc: Exception) -> None:
        with shop.db.session() as session:
            order = session.get_one(Order, order_id)
            order.status, order.failure = "failed", f"{task.name}: {exc}"
            session.commit()

    steps = BackgroundTasks(error_hook=mark_failed, observer=shop.feed)
    for step in (validate, reserve_stock, send_confirmation):
        steps.add_task_with(
            TaskOptions(name=f"order {order_id}: {step.__name__}"), step, shop.db, order_id
        )
    steps.add_task_with(
        TaskOptions(name=f"order {order_id}: notify_fulfilment", timeout=10),
        notify_fulfilment,
        shop,
        order_id,
    )
    return steps


async def fulfil(steps: BackgroundTasks) -> None:
    """Run the steps; a failure has been logged and recorded on the order already."""
    with contextlib.suppress(Exception):  # the hook recorded it, fastslim-tasks logged it
        await steps()
