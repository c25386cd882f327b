"""Celery's task states as fastslim's statuses, read from a result-backend record.

| Celery state | fastslim status |
|---|---|
| PENDING, RECEIVED, RETRY | pending |
| STARTED (and any custom state a task sets) | running |
| SUCCESS | done |
| FAILURE, REJECTED | failed |
| REVOKED | cancelled |

Celery says PENDING for any id it never heard of, so the submitter writes a
record of its own before publishing (`queued_record`): a PENDING record without
it is an unknown task. A STARTED record written by a fastslim worker carries a
heartbeat counter, so a submitter can tell a task whose worker died.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastslim_tasks import TaskStatus

from ._errors import RemoteTaskError, remote_error
from ._names import SEPARATOR

STATUSES = {
    "PENDING": TaskStatus.PENDING,
    "RECEIVED": TaskStatus.PENDING,
    "RETRY": TaskStatus.PENDING,
    "STARTED": TaskStatus.RUNNING,
    "SUCCESS": TaskStatus.DONE,
    "FAILURE": TaskStatus.FAILED,
    "REJECTED": TaskStatus.FAILED,
    "REVOKED": TaskStatus.CANCELLED,
}
QUEUED_KEY = "fastslim_queued"  # the submitter's PENDING record: {QUEUED_KEY: name}
BEAT_KEY = "fastslim_beat"  # a fastslim worker's STARTED record: {BEAT_KEY: n, ...}
BEAT_EVERY_KEY = "fastslim_beat_every"  # ... and its heartbeat interval, in seconds


def queued_record(name: str) -> dict[str, str]:
    """What the submitter stores as the PENDING result of a task it publishes."""
    return {QUEUED_KEY: name}


@dataclass(frozen=True, slots=True)
class Seen:
    """A task as its result-backend record shows it."""

    status: TaskStatus
    known: bool
    """False when the backend has no record of the id (Celery's PENDING)."""
    name: str | None = None
    result: Any = None
    error: RemoteTaskError | None = None
    beat: tuple[int, float] | None = None
    """(counter, interval in seconds) of a fastslim worker's heartbeat."""


UNKNOWN = Seen(TaskStatus.PENDING, known=False)


def read_record(meta: dict[str, Any] | None, task_id: str, name: str | None) -> Seen:
    """What the raw (decoded, exceptions not rebuilt) record `meta` of task
    `task_id` says; `name` is the task's name if the caller knows it."""
    if not meta or "status" not in meta:
        return UNKNOWN
    state = meta["status"]
    value = meta.get("result")
    name = name or _name_in(meta, value)
    status = STATUSES.get(state, TaskStatus.RUNNING)
    if state == "PENDING" and not (isinstance(value, dict) and QUEUED_KEY in value):
        return UNKNOWN
    if status is TaskStatus.DONE:
        return Seen(status, True, name, result=value)
    if status is TaskStatus.FAILED:
        return Seen(status, True, name, error=_error(value, meta, task_id, name or task_id))
    if status is TaskStatus.RUNNING and isinstance(value, dict) and BEAT_KEY in value:
        beat = (int(value[BEAT_KEY]), float(value[BEAT_EVERY_KEY]))
        return Seen(status, True, name, beat=beat)
    return Seen(status, True, name)


def _name_in(meta: dict[str, Any], value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get(QUEUED_KEY), str):
        queued: str = value[QUEUED_KEY]
        return queued
    celery_name = meta.get("name")  # with Celery's result_extended
    if isinstance(celery_name, str):
        return celery_name.rpartition(SEPARATOR)[2]
    return None


def _error(value: Any, meta: dict[str, Any], task_id: str, name: str) -> RemoteTaskError:
    if isinstance(value, dict) and "exc_type" in value:
        message = value.get("exc_message", "")
        if isinstance(message, list | tuple):
            message = ", ".join(str(part) for part in message)
        return remote_error(
            name,
            task_id,
            str(value["exc_type"]),
            str(message),
            remote_module=value.get("exc_module"),
            remote_traceback=meta.get("traceback"),
        )
    if isinstance(value, BaseException):  # a backend that rebuilds exceptions itself
        kind = type(value)
        return remote_error(
            name,
            task_id,
            kind.__qualname__,
            str(value),
            remote_module=kind.__module__,
            remote_traceback=meta.get("traceback"),
        )
    return remote_error(name, task_id, "Exception", repr(value))
