"""Orders: fulfilment steps run in order in the background; a failing step is logged
and the order marked failed with the reason."""

from __future__ import annotations

import logging

import pytest

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
