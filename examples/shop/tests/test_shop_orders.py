"""Orders: fulfilment steps run in order in the background; a failing step is logged
and the order marked failed with the reason."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
import pytest
from shop import Settings
from shop.context import Shop
from shop.db import Database, Item, Order
from shop.fulfilment import StepFailed, fulfil, fulfilment_steps, reserve_stock
from sqlalchemy import text

from fastslim.testclient import TestClient


def test_an_order_goes_through_every_step(client: TestClient) -> None:
    client.post("/items", json={"name": "Kettle", "price": 25, "stock": 3})
    response = client.post("/orders", json={"item_id": 1, "quantity": 2, "email": "ada@x.org"})
    assert response.status_code == 202
    assert response.json()["status"] == "received"
    order = client.get("/orders/1").json()
    assert order["status"] == "fulfilled"
    assert order["steps"] == "validate,reserve_stock,send_confirmation,notify_fulfilment"
    assert order["failure"] is None
    assert client.get("/items/1").json()["stock"] == 1
    assert client.get("/outbox").json() == [
        {
            "order_id": 1,
            "recipient": "ada@x.org",
            "subject": "Order 1 confirmed",
            "body": "2 x item 1 will ship soon.",
        }
    ]
    events = [delivery["event"] for delivery in client.get("/webhooks/received").json()]
    assert events == ["item.created", "order.ready"]


def test_a_failing_step_is_logged_and_the_order_marked_failed(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    client.post("/items", json={"name": "Kettle", "price": 25, "stock": 1})
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"):
        client.post("/orders", json={"item_id": 1, "quantity": 5, "email": "ada@x.org"})
    order = client.get("/orders/1").json()
    assert order["status"] == "failed"
    assert order["steps"] == "validate"
    assert order["failure"] == (
        "order 1: reserve_stock: Not enough stock for item 1: 1 left, 5 ordered."
    )
    assert client.get("/items/1").json()["stock"] == 1  # nothing reserved
    assert client.get("/outbox").json() == []  # the steps after it did not run
    failures = [r for r in caplog.records if r.name == "fastslim.tasks"]
    assert len(failures) == 1
    assert "order 1: reserve_stock" in failures[0].getMessage()
    assert failures[0].exc_info is not None


def test_an_order_for_a_missing_item_fails_at_validation(client: TestClient) -> None:
    client.post("/orders", json={"item_id": 42, "quantity": 1, "email": "ada@x.org"})
    order = client.get("/orders/1").json()
    assert (order["status"], order["steps"]) == ("failed", "")
    assert order["failure"] == "order 1: validate: Item 42 does not exist."


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
@pytest.mark.anyio
async def test_a_cancelled_step_is_the_orders_failure(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    # The webhook of the last step never answers; the cancellation (the server's
    # graceful timeout, at shutdown) cuts it off: the order is failed, not confirmed.
    async def never_answers(request: httpx.Request) -> httpx.Response:
        await anyio.sleep_forever()
        raise AssertionError("unreachable")

    shop = Shop(settings=settings, db=Database(settings.database_url))
    shop.db.create_tables()
    with shop.db.session() as session:
        session.add(Item(name="Kettle", price=25, stock=3))
        session.add(Order(item_id=1, quantity=1, email="ada@x.org"))
        session.commit()
    async with httpx.AsyncClient(transport=httpx.MockTransport(never_answers)) as client:
        shop.http = client
        with caplog.at_level(logging.WARNING, logger="fastslim.tasks"):
            with anyio.move_on_after(0.3):
                await fulfil(fulfilment_steps(shop, 1))
    with shop.db.session() as session:
        order = session.get_one(Order, 1)
        status, steps, failure = order.status, order.steps, order.failure
        stock = session.get_one(Item, 1).stock
    shop.db.dispose()
    assert (status, steps) == ("failed", "validate,reserve_stock,send_confirmation")
    assert stock == 3  # the unit it reserved is released
    assert failure is not None
    assert failure.startswith("order 1: notify_fulfilment: cancelled after 0.")
    assert shop.feed.cancelled == ["order 1: notify_fulfilment"]
    [record] = [r for r in caplog.records if r.name == "fastslim.tasks"]
    assert record.getMessage().startswith(
        'Background task "order 1: notify_fulfilment" was cancelled while running (for 0.'
    )


def test_concurrent_reservations_take_each_unit_once(settings: Settings) -> None:
    # 150 orders of one unit race for 100 units on 30 threads: each unit goes to
    # exactly one order (the reservation is one conditional UPDATE), none is lost.
    db = Database(settings.database_url)
    db.create_tables()
    with db.session() as session:
        session.add(Item(name="Kettle", price=25, stock=100))
        session.add_all(Order(item_id=1, quantity=1, email="ada@x.org") for _ in range(150))
        session.commit()

    def reserve(order_id: int) -> bool:
        try:
            reserve_stock(db, order_id)
        except StepFailed:
            return False
        return True

    with ThreadPoolExecutor(30) as pool:
        reserved = sum(pool.map(reserve, range(1, 151)))
    with db.session() as session:
        stock = session.get_one(Item, 1).stock
        statuses = [order.status for order in session.query(Order)]
    db.dispose()
    assert (reserved, stock) == (100, 0)
    assert statuses.count("reserved") == 100


def test_a_file_database_waits_for_locks_in_wal_mode(settings: Settings) -> None:
    # 30 concurrent clients: a writer waits (up to 30 s) for another one's lock
    # instead of failing with "database is locked"; readers do not block it.
    db = Database(settings.database_url)
    with db.engine.connect() as connection:
        journal_mode = connection.execute(text("PRAGMA journal_mode")).scalar()
        busy_timeout = connection.execute(text("PRAGMA busy_timeout")).scalar()
    db.dispose()
    assert (journal_mode, busy_timeout) == ("wal", 30000)


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
@pytest.mark.anyio
async def test_a_database_error_is_a_short_failure_without_sql(settings: Settings) -> None:
    shop = Shop(settings=settings, db=Database(settings.database_url))
    shop.db.create_tables()
    with shop.db.session() as session:
        session.add(Item(name="Kettle", price=25, stock=3))
        session.add(Order(item_id=1, quantity=2, email="ada@x.org"))
        session.commit()
        session.execute(text("DROP TABLE outbox"))
    await fulfil(fulfilment_steps(shop, 1))
    with shop.db.session() as session:
        order = session.get_one(Order, 1)
        status, failure = order.status, order.failure
        stock = session.get_one(Item, 1).stock
    shop.db.dispose()
    assert status == "failed"
    assert failure == "order 1: send_confirmation: database error (no such table: outbox)"
    assert stock == 3  # reserved, then given back
