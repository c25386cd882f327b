"""The shop's Celery worker: `SHOP_TASKS_BROKER=redis://... celery -A shop.worker worker`.

It runs the functions of `shop.reports` only (fastslim-tasks-celery's allow-list),
with the same `SHOP_*` settings as the server (the database above all).
"""

from __future__ import annotations

from fastslim_tasks_celery import celery_app

from .settings import Settings

settings = Settings.from_env()
if not settings.tasks_broker:
    raise SystemExit("shop.worker needs SHOP_TASKS_BROKER (redis://127.0.0.1:6379/0)")
app = celery_app(settings.tasks_broker, modules=["shop.reports"])
