"""Several webhooks with tags, summaries, responses and security."""

from fastapi import FastAPI
from fastapi.security import HTTPBearer
from pydantic import BaseModel


class Subscription(BaseModel):
    username: str
    monthly_fee: float


class Ack(BaseModel):
    ok: bool


app = FastAPI(title="Hooks")


@app.webhooks.post("new-subscription", tags=["billing"], response_model=Ack)
def new_subscription(body: Subscription) -> None:
    """
    When a new user subscribes to your service we'll send you a POST request with this
    data to the URL that you register for the event `new-subscription` in the dashboard.
    """


@app.webhooks.put("renewal", summary="Renewal", status_code=202)
def renewal(body: Subscription, attempt: int = 1) -> Ack:
    return Ack(ok=True)


@app.webhooks.delete("cancel", dependencies=[])
def cancel(creds: object = None) -> None:
    pass


bearer = HTTPBearer()


@app.get("/users")
def users() -> list[str]:
    return []


CASES = [("users", "GET", "/users")]
