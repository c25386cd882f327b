"""Items: CRUD, and the background effects (log lines, webhooks, temp files removed)."""

from __future__ import annotations

from shop import Settings
from test_shop_images import png

from fastslim.testclient import TestClient


def test_creating_an_item_logs_it_and_posts_a_webhook(
    client: TestClient, settings: Settings
) -> None:
    response = client.post("/items", json={"name": "Hammer", "price": 9.5, "stock": 3})
    assert response.status_code == 201
    assert response.json() == {"id": 1, "name": "Hammer", "price": 9.5, "stock": 3}
    # The test client returns once the background tasks are done.
    log = (settings.data_dir / "items.log").read_text().splitlines()
    assert len(log) == 1
    assert log[0].endswith("created item 1 'Hammer'")
    assert client.get("/webhooks/received").json() == [
        {"event": "item.created", "payload": {"id": 1, "name": "Hammer", "price": 9.5, "stock": 3}}
    ]


def test_read_update_delete(client: TestClient, settings: Settings, auth: dict[str, str]) -> None:
    client.post("/items", json={"name": "Saw", "price": 20})
    assert client.patch("/items/1", json={"stock": 7}).json()["stock"] == 7
    assert client.get("/items").json() == [{"id": 1, "name": "Saw", "price": 20.0, "stock": 7}]
    assert client.delete("/items/1").status_code == 401  # deleting needs a login
    assert client.delete("/items/1", headers=auth).status_code == 204
    assert client.get("/items/1").json() == {"detail": "Item 1 not found"}
    log = (settings.data_dir / "items.log").read_text()
    assert "updated item 1" in log
    assert "deleted item 1 by admin" in log


def test_invalid_item_is_a_422_and_runs_no_task(client: TestClient, settings: Settings) -> None:
    response = client.post("/items", json={"name": "", "price": -1})
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [
        ["body", "name"],
        ["body", "price"],
    ]
    assert not (settings.data_dir / "items.log").exists()
    assert client.get("/webhooks/received").json() == []


def test_the_export_file_is_removed_after_the_response(
    client: TestClient, settings: Settings
) -> None:
    client.post("/items", json={"name": "Nail", "price": 0.1, "stock": 500})
    response = client.get("/items/export.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines() == ["id,name,price,stock", "1,Nail,0.1,500"]
    assert list((settings.data_dir / "tmp").iterdir()) == []


def test_a_deleted_item_takes_its_images_and_its_id_is_not_reused(
    client: TestClient, settings: Settings, auth: dict[str, str]
) -> None:
    client.post("/items", json={"name": "Lamp", "price": 30})
    image = client.post("/items/1/image", files={"file": ("lamp.png", png(8, 8))}).json()
    assert client.get(f"/images/{image['id']}").json()["status"] == "ready"
    assert client.delete("/items/1", headers=auth).status_code == 204
    assert client.get(f"/images/{image['id']}").status_code == 404
    assert list((settings.data_dir / "uploads").iterdir()) == []
    assert list((settings.data_dir / "thumbnails").iterdir()) == []
    created = client.post("/items", json={"name": "Vase", "price": 12}).json()
    assert created["id"] == 2  # not 1: the old item's orders and images are not its
    again = client.post("/items/2/image", files={"file": ("vase.png", png(8, 8))}).json()
    assert again["id"] == 2
