"""Order fulfilment: sequential background steps, each with its own session.

validate -> reserve stock -> send the confirmation (an outbox row) -> notify
fulfilment (a webhook). A failing step stops the ones after it; it is logged by
fastslim-tasks (with the task's name and traceback) and the error hook marks the
order `failed` with the step and the reason. The stock is reserved by one atomic
`UPDATE items SET stock = stock - :q WHERE id = :id AND stock >= :q` (concurrent
orders never both take the last units) and released when the order fails after it.
A step cancelled (the server shut down before the steps were done: uvicorn's
graceful timeout cancels the request's background work) is the order's failure too,
recorded by the steps' observer: the order never stays `confirmed` with its fulfilment cut off.
"""

from __future__ import annotations

import contextlib
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from fastslim_tasks import BackgroundTask, BackgroundTasks, TaskFinished, TaskOptions, TaskStatus

from .context import Shop
from .db import Database, Item, Order, OutboxMessage
from .notify import post_webhook


class StepFailed(Exception):
    """A fulfilment step could not be done; the message says why."""


def _advance(db: Database, order_id: int, step: str, status: str) -> None:
    with db.session() as session:
        order = session.get_one(Order, order_id)
        if order.status == "failed":
            return  # a step cancelled meanwhile (its thread went on): it stays failed
        order.steps = ",".join(filter(None, [order.steps, step]))
        order.status = status
        session.commit()


def _change_stock(session: Session, item_id: int, change: int) -> bool:
    """Add `change` to the item's stock in SQL (never below 0); False when the item
    has too little stock left (or is gone)."""
    statement = (
        update(Item)
        .where(Item.id == item_id, Item.stock + change >= 0)
        .values(stock=Item.stock + change)
    )
    result = cast(CursorResult[Any], session.execute(statement))
    return result.rowcount == 1


def _fail(db: Database, order_id: int, failure: str) -> None:
    """Mark the order failed with `failure`, unless it has failed already; the stock
    it reserved is released."""
    with db.session() as session:
        order = session.get_one(Order, order_id)
        if order.status != "failed":
            order.status, order.failure = "failed", failure
            if "reserve_stock" in order.steps.split(","):
                _change_stock(session, order.item_id, order.quantity)
            session.commit()


class StepObserver:
    """The task feed's observer for one order's steps, which also records a cancelled
    step as the order's failure (the first one: the steps after it never started)."""

    def __init__(self, shop: Shop, order_id: int) -> None:
        self.shop, self.order_id = shop, order_id

    def task_started(self, task: BackgroundTask) -> None:
        self.shop.feed.task_started(task)

    def task_finished(self, event: TaskFinished) -> None:
        self.shop.feed.task_finished(event)
        if event.status is TaskStatus.CANCELLED:
            failure = f"{event.task.name}: cancelled after {event.duration:.2f} s"
            _fail(self.shop.db, self.order_id, failure)


def validate(db: Database, order_id: int) -> None:
    with db.session() as session:
        order = session.get_one(Order, order_id)
        if session.get(Item, order.item_id) is None:
            raise StepFailed(f"Item {order.item_id} does not exist.")
    _advance(db, order_id, "validate", "validated")


def reserve_stock(db: Database, order_id: int) -> None:
    """Take the order's quantity off the item's stock, in the transaction that records
    the step (when the order fails later, `_fail` gives the stock back; when it was
    failed meanwhile, a cancelled step, nothing is taken)."""
    with db.session() as session:
        order = session.get_one(Order, order_id)
        if order.status == "failed":
            return
        if not _change_stock(session, order.item_id, -order.quantity):
            session.rollback()
            left = session.scalar(select(Item.stock).where(Item.id == order.item_id))
            raise StepFailed(
                f"Not enough stock for item {order.item_id}: "
                f"{left or 0} left, {order.quantity} ordered."
            )
        recorded = session.execute(
            update(Order)
            .where(Order.id == order_id, Order.status != "failed")
            .values(steps=",".join(filter(None, [order.steps, "reserve_stock"])), status="reserved")
        )
        if cast(CursorResult[Any], recorded).rowcount != 1:
            session.rollback()  # failed meanwhile: the stock stays
            return
        session.commit()


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


def failure_reason(exc: Exception) -> str:
    """A short reason for an order's `failure`: a database error names its driver's
    message only (never the SQL statement or its parameters), any other the first line
    of its message, at most 200 characters."""
    if isinstance(exc, DBAPIError):
        text = f"database error ({exc.orig})"
    elif isinstance(exc, SQLAlchemyError):
        text = f"database error ({type(exc).__name__})"
    else:
        text = str(exc) or type(exc).__name__
    lines = text.splitlines() or [text]
    return lines[0][:200]


def fulfilment_steps(shop: Shop, order_id: int) -> BackgroundTasks:
    """The steps of order `order_id`, in order, reporting to the task feed."""

    def mark_failed(task: BackgroundTask, exc: Exception) -> None:
        _fail(shop.db, order_id, f"{task.name}: {failure_reason(exc)}")

    steps = BackgroundTasks(error_hook=mark_failed, observer=StepObserver(shop, order_id))
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
