"""The demo's settings, read from `SHOP_*` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Settings:
    """Where the shop keeps its data and how it behaves.

    `database_url`: any SQLAlchemy URL (SQLite by default; PostgreSQL works by URL
    alone, with its driver installed). `data_dir`: uploads, thumbnails, the item
    log and temporary exports. `webhook_url`: where item webhooks are posted (by
    default the demo's own receiver). `drain_timeout`: seconds the task runner
    gives running reports at shutdown before cancelling them. `graceful_timeout`:
    whole seconds uvicorn gives open requests (and their background tasks) at shutdown
    before cancelling them (`--timeout-graceful-shutdown`). `report_seconds`:
    how long a report takes per item (it simulates slow work). `max_body_size`:
    the largest request body in bytes (1 MiB; a larger one is a 413 before the
    endpoint runs); `max_upload_size`: the same for image uploads (10 MiB).
    `tasks_broker`: a Celery broker URL (`redis://127.0.0.1:6379/0`); when set, the
    reports run on Celery workers (`celery -A shop.worker worker`) and any number
    of server processes share them; empty (the default): the app's own runner.
    """

    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    webhook_url: str = ""
    drain_timeout: float = 5.0
    graceful_timeout: int = 3
    report_seconds: float = 0.5
    admin_password: str = "shop-admin"
    max_body_size: int = 1024 * 1024
    max_upload_size: int = 10 * 1024 * 1024
    tasks_broker: str = ""

    def __post_init__(self) -> None:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'shop.db'}")
        if not self.webhook_url:
            url = f"http://{self.host}:{self.port}/webhooks/receiver"
            object.__setattr__(self, "webhook_url", url)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Settings from `SHOP_DATA_DIR`, `SHOP_DATABASE_URL`, `SHOP_HOST`, `SHOP_PORT`,
        `SHOP_WEBHOOK_URL`, `SHOP_DRAIN_TIMEOUT`, `SHOP_GRACEFUL_TIMEOUT`,
        `SHOP_REPORT_SECONDS`, `SHOP_ADMIN_PASSWORD`, `SHOP_MAX_BODY_SIZE`,
        `SHOP_MAX_UPLOAD_SIZE` and `SHOP_TASKS_BROKER`; unset
        ones keep their defaults. Raises `ValueError` for a number that does not
        parse."""
        get = environ.get
        return cls(
            data_dir=Path(get("SHOP_DATA_DIR", str(DEFAULT_DATA_DIR))),
            database_url=get("SHOP_DATABASE_URL", ""),
            host=get("SHOP_HOST", "127.0.0.1"),
            port=int(get("SHOP_PORT", "8000")),
            webhook_url=get("SHOP_WEBHOOK_URL", ""),
            drain_timeout=float(get("SHOP_DRAIN_TIMEOUT", "5")),
            graceful_timeout=int(get("SHOP_GRACEFUL_TIMEOUT", "3")),
            report_seconds=float(get("SHOP_REPORT_SECONDS", "0.5")),
            admin_password=get("SHOP_ADMIN_PASSWORD", "shop-admin"),
            max_body_size=int(get("SHOP_MAX_BODY_SIZE", str(cls.max_body_size))),
            max_upload_size=int(get("SHOP_MAX_UPLOAD_SIZE", str(cls.max_upload_size))),
            tasks_broker=get("SHOP_TASKS_BROKER", ""),
        )
