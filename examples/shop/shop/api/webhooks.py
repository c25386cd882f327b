"""The demo's own webhook receiver (the default target, so the demo works offline)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from sqlalchemy import select

from fastslim import APIRouter, Body, status

from ..db import WebhookDelivery
from ..deps import SessionDep
from ..schemas import BAD_BODY

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


@router.post("/receiver", status_code=status.HTTP_204_NO_CONTENT, responses=BAD_BODY)
def receive(
    event: Annotated[str, Body()], payload: Annotated[dict[str, Any], Body()], session: SessionDep
) -> None:
    session.add(WebhookDelivery(event=event, payload=json.dumps(payload)))
    session.commit()


@router.get("/received")
def received(session: SessionDep) -> list[dict[str, Any]]:
    rows = session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))
    return [{"event": r.event, "payload": json.loads(r.payload)} for r in rows]
