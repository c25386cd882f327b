"""Callbacks (an APIRouter's routes in `callbacks=`) and webhooks in the document."""

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel


class Invoice(BaseModel):
    id: str
    total: float


class Event(BaseModel):
    description: str


app = FastAPI()
callbacks = APIRouter()


@callbacks.post("{$callback_url}/invoices/{$request.body.id}", response_model=Event)
def invoice_notification(body: Event) -> None:
    pass


@app.post("/invoices", callbacks=callbacks.routes)
def create_invoice(invoice: Invoice, callback_url: str | None = None) -> dict[str, str]:
    return {"msg": "ok"}


@app.webhooks.post("new-subscription")
def new_subscription(body: Invoice) -> None:
    """When a user subscribes."""


CASES = [("create", "POST", "/invoices", {"json": {"id": "1", "total": 2}})]
