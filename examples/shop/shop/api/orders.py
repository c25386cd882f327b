"""Orders: accepted at once, fulfilled by sequential background steps."""

from __future__ import annotations

from sqlalchemy import select

from fastslim import APIRouter, HTTPException, status
from fastslim_tasks import TaskOptions

from ..db import Order, OutboxMessage
from ..deps import SessionDep, ShopDep, TasksDep
from ..fulfilment import fulfil, fulfilment_steps
from ..schemas import BAD_BODY, NOT_FOUND, OrderId, OrderIn, OrderOut, OutboxOut

router = APIRouter(tags=["orders"])


@router.post("/orders", status_code=status.HTTP_202_ACCEPTED, responses=BAD_BODY)
def place_order(body: OrderIn, session: SessionDep, shop: ShopDep, tasks: TasksDep) -> OrderOut:
    order = Order(**body.model_dump())
    session.add(order)
    session.commit()
    steps = fulfilment_steps(shop, order.id)
    tasks.add_task_with(TaskOptions(name=f"order {order.id}"), fulfil, steps)
    return OrderOut.model_validate(order)


@router.get("/orders/{order_id}", responses=NOT_FOUND)
def read_order(order_id: OrderId, session: SessionDep) -> OrderOut:
    order = session.get(Order, order_id)
    if order is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Order {order_id} not found")
    return OrderOut.model_validate(order)


@router.get("/outbox")
def outbox(session: SessionDep) -> list[OutboxOut]:
    """The confirmation messages the fulfilment steps queued (an outbox table)."""
    return [OutboxOut.model_validate(row) for row in session.scalars(select(OutboxMessage))]
