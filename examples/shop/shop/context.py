"""What the shop's routes share: settings, the database, the task feed, the HTTP
client for webhooks and the reports submitted to the task runner."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import httpx

from fastslim_tasks import TaskHandle

from .db import Database
from .feed import TaskFeed
from .settings import Settings


@dataclass
class Shop:
    settings: Settings
    db: Database
    feed: TaskFeed = field(default_factory=TaskFeed)
    http: httpx.AsyncClient | None = None
    """Opened by the app's lifespan (webhooks are posted with it)."""
    reports: dict[int, TaskHandle[Any]] = field(default_factory=dict)
    report_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    requests_served: int = 0
    requests_running: int = 0

    @property
    def log_file(self) -> Any:
        return self.settings.data_dir / "items.log"

    def folder(self, name: str) -> Any:
        path = self.settings.data_dir / name
        path.mkdir(parents=True, exist_ok=True)
        return path
