"""Background work after an item changes: a log line and a webhook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .context import Shop


def append_log_line(path: Path, line: str) -> None:
    """Append `line` with a UTC timestamp to the file at `path` (created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} {line}\n")


async def post_webhook(shop: Shop, event: str, payload: dict[str, Any]) -> None:
    """POST `{"event": ..., "payload": ...}` to the configured webhook URL.

    Raises `httpx.HTTPError` when the target cannot be reached or answers with an
    error status (the failure is then logged by fastslim-tasks with the task's name).
    """
    if shop.http is None:
        raise RuntimeError("The webhook client is closed: the app's lifespan is not running.")
    body = json.dumps({"event": event, "payload": payload})
    response = await shop.http.post(
        shop.settings.webhook_url, content=body, headers={"content-type": "application/json"}
    )
    response.raise_for_status()
