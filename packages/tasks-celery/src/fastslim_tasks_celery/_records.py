"""The result backend's records of tasks: read in bulk, written by the submitter.

Blocking calls (network round trips): made only from worker threads.
"""

from __future__ import annotations

from typing import Any

from celery import Celery
from celery.app.task import Context
from celery.backends.base import BaseKeyValueStoreBackend, DisabledBackend
from celery.backends.rpc import RPCBackend
from celery.exceptions import WorkerLostError

from ._states import queued_record

Record = dict[str, Any]


def check_result_backend(app: Celery) -> None:
    """Raise `ValueError` unless `app` stores task results where any process can
    read them (redis://, a database, ...): lookups by id and the status of a
    handle come from there (Celery's docs: "Keeping Results")."""
    backend = app.backend
    if isinstance(backend, DisabledBackend):
        raise ValueError(
            f"The Celery app {app.main!r} has no result backend: a CeleryBackend reads "
            "every task's status there. Configure one (Celery(backend='redis://...'))."
        )
    if isinstance(backend, RPCBackend):
        raise ValueError(
            f"The Celery app {app.main!r} has the rpc:// result backend, which only the "
            "submitting process can read: use one that stores results (redis://, a database)."
        )


class Records:
    """Reads and writes the records of the result backend of a Celery app."""

    __slots__ = ("_backend", "_bulk")

    def __init__(self, app: Celery) -> None:
        # A Celery backend, duck-typed: key-value stores have more than the base.
        self._backend: Any = app.backend
        self._bulk = isinstance(self._backend, BaseKeyValueStoreBackend)

    def raw(self, task_ids: list[str]) -> list[Any]:
        """Each task's record as stored (bytes for key-value stores), None if
        absent: one round trip for a key-value store (Redis: MGET)."""
        backend = self._backend
        if self._bulk:
            keys = [backend.get_key_for_task(task_id) for task_id in task_ids]
            values: list[Any] = backend.mget(keys)
            return values
        return [backend.get_task_meta(task_id, cache=False) for task_id in task_ids]

    def decode(self, raw: Any) -> Record | None:
        """A raw record as a dict (exceptions left as Celery's dict, not rebuilt)."""
        if raw is None or not self._bulk:
            return raw if raw is None or isinstance(raw, dict) else None
        record: Record = self._backend.decode(raw)
        return record

    def read(self, task_id: str) -> Record | None:
        """One task's record, None if the backend has none."""
        return self.decode(self.raw([task_id])[0])

    def queued(self, task_id: str, name: str) -> None:
        """Record that `task_id` (named `name`) is published, so that a lookup
        can tell it from an id nobody submitted."""
        self._backend.store_result(task_id, queued_record(name), "PENDING")

    def cancel(self, task_id: str) -> None:
        """Record that the submitter cancelled `task_id`: a fastslim worker
        checks it before it starts a task (and then records it revoked), also a
        worker that was not running when the cancellation was broadcast. Only
        the worker writes the task's state, so the state is what happened."""
        if self._bulk:
            self._backend.set(cancel_key(task_id), b"1")

    def lost(self, task_id: str, name: str, message: str) -> None:
        """Record that `task_id` (named `name`) lost its worker: it stays failed
        (a SUCCESS already stored is never overwritten)."""
        request = Context(id=task_id, task=name)  # the name, with result_extended
        self._backend.mark_as_failure(task_id, WorkerLostError(message), request=request)


def cancel_key(task_id: str) -> str:
    """The result-backend key of the submitter's cancellation of `task_id`."""
    return f"fastslim-cancel-{task_id}"


def cancelled(backend: Any, task_id: str) -> bool:
    """True if the submitter cancelled `task_id` (see `Records.cancel`)."""
    if not isinstance(backend, BaseKeyValueStoreBackend):
        return False
    return bool(backend.get(cancel_key(task_id)))
