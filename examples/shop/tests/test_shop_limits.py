"""The request models say what the database accepts (a 422, never a 500), and the
body and form limits bound what a request may send (413 and 400)."""

from __future__ import annotations

import pytest
from shop.schemas import INT64_END, MAX_ID

from fastslim.testclient import TestClient

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73"
    "000000164944415478da63fcffcfc0c0c0c4c0c0c0c0c000000d1d01036ac29be9"
    "0000000049454e44ae426082"
)


@pytest.mark.parametrize("field", ["name", "price", "stock"])
def test_a_patch_field_may_be_left_out_but_not_set_to_null(client: TestClient, field: str) -> None:
    client.post("/items", json={"name": "Saw", "price": 20, "stock": 1})
    response = client.patch("/items/1", json={field: None})
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
    assert client.patch("/items/1", json={}).json() == {
        "id": 1,
        "name": "Saw",
        "price": 20.0,
        "stock": 1,
    }


def test_the_patch_schema_has_no_null(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ItemPatch"]
    assert schema["properties"]["stock"] == {
        "type": "integer",
        "exclusiveMaximum": INT64_END,
        "minimum": 0,
        "title": "Stock",
    }
    assert "required" not in schema
    assert all("null" not in str(field) for field in schema["properties"].values())


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Big", "price": 1, "stock": MAX_ID + 1},
        {"name": "Big", "price": 1, "stock": -1},
        {"name": "Big", "price": 1e7},
        {"name": "x" * 201, "price": 1},
    ],
    ids=["stock-over-64-bits", "negative-stock", "price-over-a-million", "long-name"],
)
def test_values_the_columns_cannot_hold_are_a_422(client: TestClient, body: object) -> None:
    assert client.post("/items", json=body).status_code == 422
    assert client.get("/items").json() == []


def test_the_largest_64_bit_stock_is_stored(client: TestClient) -> None:
    response = client.post("/items", json={"name": "Sand", "price": 1, "stock": MAX_ID})
    assert response.status_code == 201
    assert client.get("/items/1").json()["stock"] == MAX_ID


@pytest.mark.parametrize(
    "url", ["/items/0", f"/items/{MAX_ID + 1}", "/orders/0", f"/images/{MAX_ID + 1}"]
)
def test_ids_out_of_range_in_the_path_are_a_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "path"


def test_an_order_for_an_id_out_of_range_is_a_422(client: TestClient) -> None:
    order = {"item_id": MAX_ID + 1, "quantity": 1, "email": "ada@example.com"}
    assert client.post("/orders", json=order).status_code == 422


def test_a_body_over_a_mebibyte_is_a_413(client: TestClient) -> None:
    body = b'{"name": "' + b"x" * (1024 * 1024) + b'", "price": 1}'
    response = client.post("/items", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.get("/items").json() == []


def test_an_image_upload_may_be_larger_than_a_mebibyte(client: TestClient) -> None:
    client.post("/items", json={"name": "Lamp", "price": 12})
    picture = PNG + b"\0" * (2 * 1024 * 1024)  # trailing bytes: Pillow still reads it
    response = client.post("/items/1/image", files={"file": ("lamp.png", picture, "image/png")})
    assert response.status_code == 202, response.text
    too_big = b"\0" * (10 * 1024 * 1024)
    response = client.post("/items/1/image", files={"file": ("big.png", too_big, "image/png")})
    assert response.status_code == 413


def test_a_form_with_too_many_fields_is_a_400(client: TestClient) -> None:
    fields = {f"field{n}": "x" for n in range(21)}
    response = client.post("/token", data={"username": "admin", "password": "x", **fields})
    assert response.status_code == 400
    assert response.json() == {"detail": "Too many fields. Maximum number of fields is 20."}


def test_an_upload_of_two_files_is_a_400(client: TestClient) -> None:
    client.post("/items", json={"name": "Lamp", "price": 12})
    files = [("file", ("a.png", PNG, "image/png")), ("other", ("b.png", PNG, "image/png"))]
    response = client.post("/items/1/image", files=files)
    assert response.status_code == 400
    assert response.json() == {"detail": "Too many files. Maximum number of files is 1."}
