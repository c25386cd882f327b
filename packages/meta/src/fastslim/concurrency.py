"""`fastslim.concurrency`, as `fastapi.concurrency`: blocking code in worker threads."""

from fastslim_routing.concurrency import (
    contextmanager_in_threadpool as contextmanager_in_threadpool,
)
from fastslim_routing.concurrency import iterate_in_threadpool as iterate_in_threadpool
from fastslim_routing.concurrency import run_in_threadpool as run_in_threadpool
from fastslim_routing.concurrency import run_until_first_complete as run_until_first_complete

__all__ = (
    "contextmanager_in_threadpool",
    "iterate_in_threadpool",
    "run_in_threadpool",
    "run_until_first_complete",
)
