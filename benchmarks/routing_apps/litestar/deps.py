"""A three-level dependency chain (Litestar twin of `routing_apps/deps.py`): a yield
dependency (shared), a header, a class dependency and a bearer token."""

# Litestar is installed only in the bench session (the types session checks without it).
# mypy: disable-error-code="import-not-found,untyped-decorator"

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from litestar import Litestar, get
from litestar.di import Provide
from litestar.exceptions import NotAuthorizedException
from litestar.params import Parameter

EVENTS: list[str] = []


@dataclass
class Session:
    user_by_token: dict[str, str]


@dataclass
class User:
    name: str
    session: Session


async def get_session() -> AsyncIterator[Session]:
    EVENTS.append("session open")
    try:
        yield Session({"secret-token": "alice"})
    finally:
        EVENTS.append("session close")


async def bearer(authorization: Annotated[str, Parameter(header="Authorization")]) -> str:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise NotAuthorizedException("Not authenticated")
    return token


async def current_user(credentials: str, session: Session) -> User:
    name = session.user_by_token.get(credentials)
    if name is None:
        raise NotAuthorizedException("Unknown token")
    return User(name, session)


async def request_id(
    x_request_id: Annotated[str, Parameter(header="X-Request-ID", min_length=8)],
) -> str:
    return x_request_id


class Pagination:
    def __init__(self, skip: int = 0, limit: int = 10) -> None:
        self.skip = skip
        self.limit = limit


async def order_service(user: User, session: Session, trace: str) -> dict[str, str]:
    return {"owner": user.name, "trace": trace}


@get(
    "/orders",
    dependencies={
        "credentials": Provide(bearer),
        "session": Provide(get_session),
        "user": Provide(current_user),
        "trace": Provide(request_id),
        "service": Provide(order_service),
        "page": Provide(Pagination, sync_to_thread=False),
    },
)
async def list_orders(service: dict[str, str], page: Pagination) -> dict[str, object]:
    EVENTS.append("endpoint")
    return {**service, "skip": page.skip, "limit": page.limit, "orders": []}


app = Litestar([list_orders])
