"""The database: SQLAlchemy 2 tables and a session factory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ForeignKey, String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class Item(Base):
    """An item. Its id is never reused (SQLite's AUTOINCREMENT: a deleted item's id
    does not name the next one, whose images and orders it would seem to have)."""

    __tablename__ = "items"
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[float]
    stock: Mapped[int] = mapped_column(default=0)


class Image(Base):
    __tablename__ = "images"
    __table_args__ = ({"sqlite_autoincrement": True},)  # its id names its thumbnail file
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    original: Mapped[str]
    thumbnail: Mapped[str | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(default="pending")  # pending, ready, failed
    error: Mapped[str | None] = mapped_column(default=None)


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int]
    quantity: Mapped[int]
    email: Mapped[str]
    status: Mapped[str] = mapped_column(default="received")
    steps: Mapped[str] = mapped_column(default="")  # the steps done, comma-separated
    failure: Mapped[str | None] = mapped_column(default=None)


class OutboxMessage(Base):
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int]
    recipient: Mapped[str]
    subject: Mapped[str]
    body: Mapped[str]


class WebhookDelivery(Base):
    """A webhook the demo's own receiver got (the default webhook target)."""

    __tablename__ = "webhook_deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    event: Mapped[str]
    payload: Mapped[str]
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(unique=True)
    password_hash: Mapped[str]


class AccessToken(Base):
    __tablename__ = "tokens"
    token: Mapped[str] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class AuditRecord(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str]
    event: Mapped[str]  # login-succeeded, login-failed
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Report(Base):
    """A report submitted to Celery workers (`SHOP_TASKS_BROKER`): its id is shared
    by every server process, its status is the broker's (by `task_id`)."""

    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[str | None] = mapped_column(String(36), default=None)
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ReportOutcome(Base):
    """How a Celery report ended, kept when first seen finished: Celery's own record
    goes (results expire after a day; a Redis restarted without persistence), this
    stays. A table of its own, so that a database made before it gains it."""

    __tablename__ = "report_outcomes"
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # done, failed, cancelled
    body: Mapped[str]  # GET /reports/{id}'s answer, as JSON


SQLITE_BUSY_TIMEOUT = 30.0
"""Seconds a SQLite write waits for another one's lock before "database is locked"."""


def _write_ahead_log(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class Database:
    """An engine and its sessions. Each request and each background task opens its
    own session (`with db.session() as session:`); none is shared across threads.

    A SQLite database waits up to 30 s for a lock (concurrent writers queue instead
    of failing with "database is locked"), and a file database is in WAL mode
    (readers do not block the writer): https://sqlite.org/wal.html."""

    def __init__(self, url: str) -> None:
        sqlite = url.startswith("sqlite")
        connect_args: dict[str, Any] = (
            {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT} if sqlite else {}
        )
        self.engine = create_engine(url, connect_args=connect_args)
        if sqlite and self.engine.url.database not in (None, "", ":memory:"):
            event.listen(self.engine, "connect", _write_ahead_log)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create_tables(self) -> None:
        Base.metadata.create_all(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
