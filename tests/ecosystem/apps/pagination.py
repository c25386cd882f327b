"""fastapi-pagination 0.16: `add_pagination`, `Page`/`LimitOffsetPage`, `paginate` of
a list and of a SQLAlchemy query (SQLite), custom page parameters, the document."""

from typing import Annotated, Any

from _report import observe, report
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from fastapi_pagination import LimitOffsetPage, Page, Params, add_pagination, paginate
from fastapi_pagination.customization import CustomizedPage, UseParamsFields
from fastapi_pagination.ext.sqlalchemy import paginate as paginate_query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)


class User(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all(UserRow(id=i, name=f"user {i}") for i in range(1, 24))
    session.commit()


def database() -> Any:
    with Session(engine) as session:
        yield session


USERS = [User(id=i, name=f"user {i}") for i in range(1, 24)]
BigPage = CustomizedPage[Page[User], UseParamsFields(size=30)]

app = FastAPI()


@app.get("/users")
def users() -> Page[User]:
    return paginate(USERS)


@app.get("/users/limit-offset")
def users_limit_offset() -> LimitOffsetPage[User]:
    return paginate(USERS)


@app.get("/users/db")
def users_db(db: Annotated[Session, Depends(database)]) -> Page[User]:
    return paginate_query(db, select(UserRow).order_by(UserRow.id))


@app.get("/users/big")
def users_big() -> BigPage:
    return paginate(USERS)


@app.get("/users/explicit")
def users_explicit(params: Annotated[Params, Depends()]) -> Page[User]:
    return paginate(USERS, params)


add_pagination(app)
client = TestClient(app)
report(
    {
        "first": observe(client.get("/users")),
        "page 2 of 5": observe(client.get("/users", params={"page": 2, "size": 5})),
        "size too big": observe(client.get("/users", params={"size": 1000})),
        "page 0": observe(client.get("/users", params={"page": 0})),
        "limit-offset": observe(client.get("/users/limit-offset?limit=3&offset=20")),
        "db": observe(client.get("/users/db?page=3&size=4")),
        "big": observe(client.get("/users/big")),
        "explicit": observe(client.get("/users/explicit?size=2")),
        "openapi": client.get("/openapi.json").text,
    }
)
