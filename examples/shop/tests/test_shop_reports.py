"""Reports on the app's TaskRunner: polled by id, listed in /admin/tasks, drained at
shutdown, and cancelled (and named) when they outlive the drain timeout."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, Literal

import pytest
from shop import Settings, create_app
from shop.app import deliver_in_process

from fastslim.testclient import TestClient


def poll(client: TestClient, url: str, until: set[str]) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for _ in range(500):
        body = client.get(url).json()
        if body["status"] in until:
            return body
        time.sleep(0.01)
    raise AssertionError(f"{url} never reached {until}: {body}")


def test_a_report_runs_on_the_runner_and_is_polled_by_id(
    client: TestClient, auth: dict[str, str]
) -> None:
    client.post("/items", json={"name": "Rope", "price": 2.5, "stock": 4})
    client.post("/items", json={"name": "Tent", "price": 100, "stock": 1})
    response = client.post("/reports")
    assert response.status_code == 202
    report_id = response.json()["id"]
    assert response.json()["status"] in {"pending", "running"}
    body = poll(client, f"/reports/{report_id}", {"done", "failed"})
    assert body == {
        "id": report_id,
        "status": "done",
        "result": {"report": report_id, "items": 2, "units": 5, "stock_value": 110.0},
    }
    tasks = client.get("/admin/tasks", headers=auth).json()
    assert [(t["name"], t["status"]) for t in tasks] == [(f"report {report_id}", "done")]
    assert tasks[0]["duration"] >= 0.02  # two items at 0.01 s each
    assert client.get("/reports/999").status_code == 404


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_shutdown_drains_the_runner_and_names_what_it_cancelled(
    backend: Literal["asyncio", "trio"], settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = replace(settings, report_seconds=0.2, drain_timeout=0.1)
    app = create_app(slow, webhook_transport=deliver_in_process)
    sent: list[object] = []
    with TestClient(app, backend=backend) as client:
        client.event_hooks = {"request": [sent.append]}
        quick = client.post("/reports").json()["id"]
        poll(client, f"/reports/{quick}", {"done"})
        # A long one (many items), then leave: the drain timeout cancels it.
        for number in range(20):
            client.post("/items", json={"name": f"thing {number}", "price": 1})
        slow_id = client.post("/reports").json()["id"]
        poll(client, f"/reports/{slow_id}", {"running"})
    shop = app.state.shop
    assert shop.reports[slow_id].status.value == "cancelled"
    assert shop.reports[quick].status.value == "done"
    assert shop.feed.cancelled == [f"report {slow_id}"]
    out = capsys.readouterr().out
    assert f"cancelled at shutdown: report {slow_id}" in out
    webhooks = 20  # one per item created, delivered to the app's own receiver
    assert f"served {len(sent) + webhooks} requests" in out


def test_a_fresh_runner_per_lifespan_run(settings: Settings) -> None:
    app = create_app(settings, webhook_transport=deliver_in_process)
    for _ in range(2):
        with TestClient(app) as client:
            report_id = client.post("/reports").json()["id"]
            assert poll(client, f"/reports/{report_id}", {"done"})["status"] == "done"


def test_a_full_queue_is_a_503_not_a_500(settings: Settings) -> None:
    slow = replace(settings, report_seconds=30, drain_timeout=0)
    app = create_app(slow, webhook_transport=deliver_in_process)
    with TestClient(app) as client:
        # Two run (max_concurrency=2), fifty wait (max_pending=50): the next is refused.
        statuses = [client.post("/reports").status_code for _ in range(53)]
        assert statuses == [202] * 52 + [503]
        refused = client.post("/reports")
        assert refused.json() == {"detail": "Too many reports are waiting; retry later."}
        assert refused.headers["retry-after"] == "5"
