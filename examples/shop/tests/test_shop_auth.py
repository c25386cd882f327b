"""Login (OAuth2 password flow, scrypt hashes); every attempt audited in the background."""

from __future__ import annotations

from shop import create_app
from shop.passwords import hash_password, verify_password

from fastslim.testclient import TestClient


def test_login_audits_success_and_failure(client: TestClient, auth: dict[str, str]) -> None:
    bad = client.post("/token", data={"username": "admin", "password": "guess"})
    assert bad.status_code == 401
    assert bad.headers["www-authenticate"] == "Bearer"
    unknown = client.post("/token", data={"username": "eve", "password": "guess"})
    assert unknown.status_code == 401
    assert client.get("/users/me", headers=auth).json() == {"username": "admin"}
    records = client.get("/admin/audit", headers=auth).json()
    assert [(r["username"], r["event"]) for r in records] == [
        ("admin", "login-succeeded"),
        ("admin", "login-failed"),
        ("eve", "login-failed"),
    ]


def test_protected_routes_need_a_valid_token(client: TestClient) -> None:
    assert client.get("/admin/tasks").status_code == 401
    response = client.get("/admin/tasks", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid or expired token"}


def test_passwords_are_salted_scrypt_hashes() -> None:
    first, second = hash_password("s3cret"), hash_password("s3cret")
    assert first != second
    assert first.startswith("scrypt$16384$8$1$")
    assert verify_password("s3cret", first)
    assert verify_password("s3cret", second)
    assert not verify_password("S3cret", first)
    assert not verify_password("s3cret", "md5$abc")
    assert not verify_password("s3cret", "scrypt$x$8$1$aa$bb")
    assert create_app.__name__ == "create_app"
