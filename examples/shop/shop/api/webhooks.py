"""The demo's own webhook receiver (the default target, so the demo works offline)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from sqlalchemy import select

from fastslim import APIRouter, Body, status
from fastslim.exceptions import RequestValidationError

from ..db import WebhookDelivery
from ..deps import SessionDep
from ..schemas import BAD_BODY

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


@router.post("/receiver", status_code=status.HTTP_204_NO_CONTENT, responses=BAD_BODY)
def receive(
    event: Annotated[str, Body()], payload: Annotated[dict[str, Any], Body()], session: SessionDep
) -> None:
    """Store a delivery. A payload strict JSON cannot carry (`NaN`, `Infinity`, a lone
    surrogate such as `"\\ud800"`, which UTF-8 cannot encode) is a 422: stored, it
    could not be answered by `GET /webhooks/received` (RFC 8259 sections 6 and 8.2)."""
    session.add(WebhookDelivery(event=event, payload=_strict_json(payload)))
    session.commit()


def _strict_json(payload: dict[str, Any]) -> str:
    try:
        text = json.dumps(payload, allow_nan=False)  # lone surrogates escaped as \ud800
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except ValueError as exc:  # UnicodeEncodeError included
        reason = "a lone surrogate" if isinstance(exc, UnicodeError) else "NaN or Infinity"
        error = {
            "type": "value_error",
            "loc": ("body", "payload"),
            "msg": f"Value error, the payload is not strict JSON: it holds {reason}",
            "input": payload,
        }
        raise RequestValidationError([error]) from None
    return text


@router.get("/received")
def received(session: SessionDep) -> list[dict[str, Any]]:
    rows = session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))
    return [{"event": r.event, "payload": json.loads(r.payload)} for r in rows]
