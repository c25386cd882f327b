"""The live feed of task events (Server-Sent Events), fed by fastslim-tasks' observer."""

from __future__ import annotations

import json
from typing import Any

import anyio
import pytest
from shop import Settings, create_app
from shop.app import deliver_in_process

from fastslim.testclient import AsyncTestClient, TestClient


def test_recent_events_list_starts_and_ends(client: TestClient) -> None:
    client.post("/items", json={"name": "Cup", "price": 3})
    events = [(e["task"], e["event"]) for e in client.get("/events/recent").json()]
    assert events == [
        ("item 1: log", "started"),
        ("item 1: log", "done"),
        ("item 1: webhook", "started"),
        ("item 1: webhook", "done"),
    ]


@pytest.mark.anyio
async def test_the_feed_streams_task_events_as_they_happen(settings: Settings) -> None:
    app = create_app(settings, webhook_transport=deliver_in_process)
    received: list[dict[str, Any]] = []
    async with (
        AsyncTestClient(app) as client,
        client.stream("GET", "/events?limit=4") as response,
    ):
        assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
        lines = response.aiter_lines()
        assert await anext(lines) == ": subscribed"  # the feed is listening now
        with anyio.fail_after(10):
            await client.post("/items", json={"name": "Cup", "price": 3})
            async for line in lines:
                if line.startswith("data: "):
                    received.append(json.loads(line.removeprefix("data: ")))
    assert [(e["task"], e["event"]) for e in received] == [
        ("item 1: log", "started"),
        ("item 1: log", "done"),
        ("item 1: webhook", "started"),
        ("item 1: webhook", "done"),
    ]
    assert received[1]["duration"] >= 0
