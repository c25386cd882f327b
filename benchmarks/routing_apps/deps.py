"""A three-level dependency chain: a yield dependency (shared), a header, a class
dependency and a bearer token read by `HTTPBearer`."""

# No return annotation on purpose: in FastAPI one would add a response model.
# mypy: disable-error-code="no-untyped-def"

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

EVENTS: list[str] = []

bearer = HTTPBearer()


@dataclass
class Session:
    user_by_token: dict[str, str]


@dataclass
class User:
    name: str
    session: Session


# -- level 3 ----------------------------------------------------------------


async def get_session() -> AsyncIterator[Session]:
    EVENTS.append("session open")
    try:
        yield Session({"secret-token": "alice"})
    finally:
        EVENTS.append("session close")


# -- level 2 ----------------------------------------------------------------


async def current_user(
    credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
    session: Annotated[Session, Depends(get_session)],
) -> User:
    name = session.user_by_token.get(credentials.credentials)
    if name is None:
        raise HTTPException(status_code=401, detail="Unknown token")
    return User(name, session)


async def request_id(x_request_id: Annotated[str, Header(min_length=8)]) -> str:
    return x_request_id


# -- level 1 ----------------------------------------------------------------


class Pagination:
    def __init__(self, skip: int = 0, limit: int = 10) -> None:
        self.skip = skip
        self.limit = limit


async def order_service(
    user: Annotated[User, Depends(current_user)],
    session: Annotated[Session, Depends(get_session)],
    trace: Annotated[str, Depends(request_id)],
) -> dict[str, str]:
    return {"owner": user.name, "trace": trace}


app = FastAPI()


@app.get("/orders")
async def list_orders(
    service: Annotated[dict[str, str], Depends(order_service)],
    page: Annotated[Pagination, Depends()],
):
    EVENTS.append("endpoint")
    return {**service, "skip": page.skip, "limit": page.limit, "orders": []}
