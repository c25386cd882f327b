"""Image uploads: the thumbnail is made in the background; the status says how it went."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from shop import Settings

from fastslim.testclient import TestClient


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def test_thumbnail_is_made_in_the_background(client: TestClient, settings: Settings) -> None:
    client.post("/items", json={"name": "Lamp", "price": 30})
    response = client.post("/items/1/image", files={"file": ("lamp.png", png(640, 320))})
    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    image_id = response.json()["id"]
    assert client.get(f"/images/{image_id}").json() == {
        "id": image_id,
        "item_id": 1,
        "status": "ready",
        "error": None,
    }
    thumbnail = client.get(f"/images/{image_id}/thumbnail")
    assert thumbnail.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(thumbnail.content)).size == (128, 64)
    assert (settings.data_dir / "thumbnails" / f"{image_id}.png").is_file()


def test_an_upload_that_is_no_image_fails_with_the_reason(client: TestClient) -> None:
    client.post("/items", json={"name": "Lamp", "price": 30})
    response = client.post("/items/1/image", files={"file": ("notes.txt", b"not a picture")})
    image_id = response.json()["id"]
    body = client.get(f"/images/{image_id}").json()
    assert body["status"] == "failed"
    assert body["error"].startswith("Not an image Pillow can read")
    assert client.get(f"/images/{image_id}/thumbnail").status_code == 409


def test_uploading_for_a_missing_item_is_a_404(client: TestClient) -> None:
    response = client.post("/items/9/image", files={"file": ("a.png", png(2, 2))})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("filename", "kept"),
    [
        ("a/b.png", "b.png"),
        ("../../x.png", "x.png"),
        ("..\\..\\win.png", "win.png"),
        ("n\x00ul\x1f.png", "nul.png"),
        ("é" * 300 + ".png", "é" * 50),
        ("..", "upload"),
    ],
    ids=["folder", "parent", "backslashes", "control", "long", "dots"],
)
def test_an_upload_is_stored_under_a_safe_name(
    client: TestClient, settings: Settings, filename: str, kept: str
) -> None:
    # The part's header is written by hand: httpx would percent-encode a NUL.
    client.post("/items", json={"name": "Lamp", "price": 30})
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="'
        + filename.encode()
        + b'"\r\nContent-Type: image/png\r\n\r\n'
        + png(4, 4)
        + b"\r\n--b--\r\n"
    )
    headers = {"content-type": "multipart/form-data; boundary=b"}
    response = client.post("/items/1/image", content=body, headers=headers)
    assert response.status_code == 202, response.text
    assert client.get(f"/images/{response.json()['id']}").json()["status"] == "ready"
    [stored] = (settings.data_dir / "uploads").iterdir()
    assert stored.name.split("-", 1)[1] == kept


@pytest.mark.parametrize("side", [40, 100], ids=["over-the-limit", "over-twice-the-limit"])
def test_a_decompression_bomb_fails_with_the_reason(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, side: int
) -> None:
    # Pillow warns over its pixel limit and raises over twice it: both fail the
    # image (a 109 KB PNG of 30000x30000 pixels is the real-world case).
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    client.post("/items", json={"name": "Lamp", "price": 30})
    response = client.post("/items/1/image", files={"file": ("bomb.png", png(side, side))})
    body = client.get(f"/images/{response.json()['id']}").json()
    assert body["status"] == "failed"
    assert body["error"].startswith("Too large an image:")
    assert client.get(f"/images/{response.json()['id']}/thumbnail").status_code == 409
