"""The dependencies the routes declare."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from sqlalchemy import select
from sqlalchemy.orm import Session

from fastslim import BackgroundTasks, Depends, HTTPException, Request, status
from fastslim.security import OAuth2PasswordBearer

from .context import Shop
from .db import AccessToken, User


def get_shop(request: Request) -> Shop:
    shop: Shop = request.app.state.shop
    return shop


ShopDep = Annotated[Shop, Depends(get_shop)]


def get_session(shop: ShopDep) -> Iterator[Session]:
    """The request's database session, closed after the response and its background
    tasks (background tasks open their own)."""
    with shop.db.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def observed_tasks(tasks: BackgroundTasks, shop: ShopDep) -> BackgroundTasks:
    """The request's background tasks, reporting to the task feed."""
    tasks.observer = shop.feed
    return tasks


TasksDep = Annotated[BackgroundTasks, Depends(observed_tasks)]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def current_user(token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep) -> User:
    user = session.scalar(
        select(User)
        .join(AccessToken, AccessToken.user_id == User.id)
        .where(AccessToken.token == token)
    )
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Invalid or expired token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


UserDep = Annotated[User, Depends(current_user)]
