"""fastapi-users 15 on SQLAlchemy (aiosqlite, in memory): JWT bearer and cookie
backends, register, login, the current user, patching it, forgot/reset password,
a superuser-only route, hooks, and the document (parameters, security, additional
responses with examples)."""

import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from _report import observe, report
from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient
from fastapi_users import BaseUserManager, FastAPIUsers, UUIDIDMixin, schemas
from fastapi_users.authentication import (
    AuthenticationBackend,
    BearerTransport,
    CookieTransport,
    JWTStrategy,
)
from fastapi_users.db import SQLAlchemyBaseUserTableUUID, SQLAlchemyUserDatabase
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

SECRET = "SECRET"
EVENTS: list[str] = []


class Base(DeclarativeBase):
    pass


class User(SQLAlchemyBaseUserTableUUID, Base):
    pass


engine = create_async_engine("sqlite+aiosqlite:///:memory:")
session_maker = async_sessionmaker(engine, expire_on_commit=False)


async def get_session() -> AsyncGenerator[AsyncSession, None]:
    async with session_maker() as session:
        yield session


async def get_user_db(
    session: Annotated[AsyncSession, Depends(get_session)],
) -> AsyncGenerator[Any, None]:
    yield SQLAlchemyUserDatabase(session, User)


class UserManager(UUIDIDMixin, BaseUserManager[User, uuid.UUID]):
    reset_password_token_secret = SECRET
    verification_token_secret = SECRET

    async def on_after_register(self, user: User, request: Request | None = None) -> None:
        EVENTS.append("registered")

    async def on_after_forgot_password(
        self, user: User, token: str, request: Request | None = None
    ) -> None:
        EVENTS.append("forgot")


async def get_user_manager(
    user_db: Annotated[Any, Depends(get_user_db)],
) -> AsyncGenerator[UserManager, None]:
    yield UserManager(user_db)


class UserRead(schemas.BaseUser[uuid.UUID]):
    pass


class UserCreate(schemas.BaseUserCreate):
    pass


class UserUpdate(schemas.BaseUserUpdate):
    pass


def get_jwt_strategy() -> JWTStrategy[User, uuid.UUID]:
    return JWTStrategy(secret=SECRET, lifetime_seconds=3600)


bearer = AuthenticationBackend(
    name="jwt", transport=BearerTransport(tokenUrl="auth/jwt/login"), get_strategy=get_jwt_strategy
)
cookie = AuthenticationBackend(
    name="cookie", transport=CookieTransport(cookie_max_age=3600), get_strategy=get_jwt_strategy
)
users = FastAPIUsers[User, uuid.UUID](get_user_manager, [bearer, cookie])
current_active_user = users.current_user(active=True)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield


app = FastAPI(lifespan=lifespan)
app.include_router(users.get_auth_router(bearer), prefix="/auth/jwt", tags=["auth"])
app.include_router(users.get_auth_router(cookie), prefix="/auth/cookie", tags=["auth"])
app.include_router(users.get_register_router(UserRead, UserCreate), prefix="/auth", tags=["auth"])
app.include_router(users.get_reset_password_router(), prefix="/auth", tags=["auth"])
app.include_router(users.get_verify_router(UserRead), prefix="/auth", tags=["auth"])
app.include_router(users.get_users_router(UserRead, UserUpdate), prefix="/users", tags=["users"])


@app.get("/authenticated-route")
async def authenticated_route(user: Annotated[User, Depends(current_active_user)]) -> Any:
    return {"message": f"Hello {user.email}!"}


observations: dict[str, Any] = {}
with TestClient(app) as client:
    credentials = {"email": "a@b.co", "password": "pw"}
    observations["register"] = observe(client.post("/auth/register", json=credentials))
    observations["register again"] = observe(client.post("/auth/register", json=credentials))
    observations["register bad email"] = observe(
        client.post("/auth/register", json={"email": "nope", "password": "pw"})
    )
    observations["login wrong"] = observe(
        client.post("/auth/jwt/login", data={"username": "a@b.co", "password": "x"})
    )
    observations["login missing"] = observe(
        client.post("/auth/jwt/login", data={"username": "a@b.co"})
    )
    login = client.post("/auth/jwt/login", data={"username": "a@b.co", "password": "pw"})
    observations["login"] = observe(login)
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    observations["me without token"] = observe(client.get("/users/me"))
    observations["me"] = observe(client.get("/users/me", headers=auth))
    observations["route"] = observe(client.get("/authenticated-route", headers=auth))
    observations["patch me"] = observe(
        client.patch("/users/me", json={"email": "c@d.co"}, headers=auth)
    )
    login = client.post("/auth/cookie/login", data={"username": "c@d.co", "password": "pw"})
    observations["cookie login"] = [login.status_code, sorted(login.cookies.keys())]
    observations["me by cookie"] = observe(client.get("/users/me"))
    observations["logout"] = observe(client.post("/auth/cookie/logout"))
    observations["forgot"] = observe(client.post("/auth/forgot-password", json={"email": "c@d.co"}))
    observations["reset bad token"] = observe(
        client.post("/auth/reset-password", json={"token": "x", "password": "y"})
    )
    observations["superuser only"] = observe(
        client.get("/users/00000000-0000-0000-0000-000000000000", headers=auth)
    )
    observations["events"] = EVENTS
    observations["openapi"] = client.get("/openapi.json").text
report(observations)
