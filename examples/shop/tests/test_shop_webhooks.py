"""The demo's webhook receiver: what it stores it can answer."""

from __future__ import annotations

import pytest

from fastslim.testclient import TestClient


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"a": "\\ud800"}', "a lone surrogate"),
        (b'{"\\udfff": 1}', "a lone surrogate"),
        (b'{"a": [NaN]}', "NaN or Infinity"),
        (b'{"a": Infinity}', "NaN or Infinity"),
    ],
    ids=["surrogate", "surrogate-key", "nan", "infinity"],
)
def test_a_payload_strict_json_cannot_carry_is_a_422(
    client: TestClient, payload: bytes, reason: str
) -> None:
    body = b'{"event": "x", "payload": ' + payload + b"}"
    response = client.post(
        "/webhooks/receiver", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "payload"]
    assert error["msg"] == f"Value error, the payload is not strict JSON: it holds {reason}"
    received = client.get("/webhooks/received")
    assert (received.status_code, received.json()) == (200, [])


def test_a_delivery_is_stored_and_listed(client: TestClient) -> None:
    payload = {"a": ["é", 1.5, None, {"b": True}]}
    response = client.post("/webhooks/receiver", json={"event": "x", "payload": payload})
    assert response.status_code == 204
    assert client.get("/webhooks/received").json() == [{"event": "x", "payload": payload}]
