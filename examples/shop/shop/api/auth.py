"""OAuth2 password login; every attempt is audited in a background task."""

from __future__ import annotations

import secrets
from typing import Annotated

from sqlalchemy import select

from fastslim import APIRouter, Depends, status
from fastslim.responses import JSONResponse
from fastslim.security import OAuth2PasswordRequestForm

from ..audit import write_audit
from ..db import AccessToken, AuditRecord, User
from ..deps import SessionDep, ShopDep, TasksDep, UserDep
from ..passwords import verify_password
from ..schemas import BAD_BODY, UNAUTHORIZED, Message, Token

router = APIRouter(tags=["auth"])


@router.post(
    "/token",
    response_model=Token,
    responses={401: {"model": Message, "description": "Bad login"}, **BAD_BODY},
)
def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    shop: ShopDep,
    tasks: TasksDep,
) -> Token | JSONResponse:
    """OAuth2's password flow: a form with `username` and `password`."""
    username = form.username
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not verify_password(form.password, user.password_hash):
        # Returned, not raised: background tasks run only with a returned response
        # (as in FastAPI), and the failed attempt must be audited too.
        tasks.add_task(write_audit, shop.db, username, "login-failed")
        return JSONResponse(
            {"detail": "Incorrect username or password"},
            status_code=status.HTTP_401_UNAUTHORIZED,
            headers={"WWW-Authenticate": "Bearer"},
        )
    token = AccessToken(token=secrets.token_urlsafe(32), user_id=user.id)
    session.add(token)
    session.commit()
    tasks.add_task(write_audit, shop.db, username, "login-succeeded")
    return Token(access_token=token.token)


@router.get("/users/me", responses=UNAUTHORIZED)
def me(user: UserDep) -> dict[str, str]:
    return {"username": user.username}


@router.get("/admin/audit", responses=UNAUTHORIZED)
def audit_log(session: SessionDep, user: UserDep) -> list[dict[str, str]]:
    records = session.scalars(select(AuditRecord).order_by(AuditRecord.id))
    return [{"username": r.username, "event": r.event, "at": r.at.isoformat()} for r in records]
