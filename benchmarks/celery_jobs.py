"""The tiny task of bench_celery.py, and the app of its Celery workers
(`BENCH_REDIS_URL` names the Redis; the worker imports this module by name)."""

from __future__ import annotations

import os

from fastslim_tasks_celery import celery_app


def tiny(index: int) -> int:
    """Nothing to do: what is measured is the way there and back."""
    return index


app = celery_app(os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"), modules=[__name__])
