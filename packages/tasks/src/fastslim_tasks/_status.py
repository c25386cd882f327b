"""The states a task goes through."""

from __future__ import annotations

import enum


class TaskStatus(enum.StrEnum):
    """Where a task is in its life: pending, running, or one of three ends."""

    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.FAILED, TaskStatus.CANCELLED)
