"""fastapi-filter's SQLAlchemy filters (operators, ordering, search, a nested prefixed
filter, its 422s), fastapi-health's health routes and fastapi-events' middleware and
local handler, in one app."""

from collections.abc import Iterator
from typing import Any

from _report import observe, report
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from fastapi_events.dispatcher import dispatch
from fastapi_events.handlers.local import local_handler
from fastapi_events.middleware import EventHandlerASGIMiddleware
from fastapi_filter import FilterDepends, with_prefix
from fastapi_filter.contrib.sqlalchemy import Filter
from fastapi_health import health
from pydantic import BaseModel, ConfigDict
from sqlalchemy import ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    city: Mapped[str] = mapped_column(String)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    age: Mapped[int] = mapped_column(Integer)
    address_id: Mapped[int] = mapped_column(ForeignKey("addresses.id"))
    address: Mapped[Address] = relationship()


engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Address(id=1, city="Paris"), Address(id=2, city="Rome")])
    session.add_all(User(id=i, name=f"u{i}", age=20 + i, address_id=1 + i % 2) for i in range(1, 8))
    session.commit()


def database() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


class AddressFilter(Filter):
    city: str | None = None
    city__in: list[str] | None = None

    class Constants(Filter.Constants):
        model = Address


class UserFilter(Filter):
    name: str | None = None
    name__ilike: str | None = None
    age__lt: int | None = None
    age__gte: int | None = None
    order_by: list[str] = ["age"]  # noqa: RUF012  # as fastapi-filter documents it
    search: str | None = None
    address: AddressFilter | None = FilterDepends(with_prefix("address", AddressFilter))

    class Constants(Filter.Constants):
        model = User
        search_model_fields = ["name"]  # noqa: RUF012


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    age: int


EVENTS: list[str] = []


@local_handler.register(event_name="user-listed")
def on_listed(event: Any) -> None:
    EVENTS.append(event[0])


app = FastAPI()
app.add_middleware(EventHandlerASGIMiddleware, handlers=[local_handler])


@app.get("/users", response_model=list[UserOut])
def users(
    user_filter: UserFilter = FilterDepends(UserFilter),  # noqa: B008  # as documented
    db: Session = Depends(database),
) -> Any:
    query = user_filter.sort(user_filter.filter(select(User).outerjoin(Address)))
    dispatch("user-listed", payload={})
    return db.execute(query).scalars().all()


@app.get("/events")
def events() -> list[str]:
    return EVENTS


def database_up() -> bool:
    return True


def cache_down() -> bool:
    return False


app.add_api_route("/health", health([database_up]))
app.add_api_route("/health/all", health([database_up, cache_down]))

client = TestClient(app)
report(
    {
        "all": observe(client.get("/users")),
        "lt, ordered": observe(client.get("/users?age__lt=24&order_by=-age")),
        "ilike": observe(client.get("/users?name__ilike=u1")),
        "search": observe(client.get("/users?search=3")),
        "nested": observe(client.get("/users?address__city=Rome")),
        "nested in": observe(client.get("/users?address__city__in=Rome,Paris&order_by=name")),
        "bad ordering": observe(client.get("/users?order_by=nope")),
        "bad integer": observe(client.get("/users?age__lt=x")),
        "events": observe(client.get("/events")),
        "healthy": observe(client.get("/health")),
        "unhealthy": observe(client.get("/health/all")),
        "openapi": client.get("/openapi.json").text,
    }
)
