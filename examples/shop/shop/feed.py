"""Task events for the feed (`GET /events`) and `/admin/tasks`, from fastslim-tasks'
observer hooks: every background task and every runner task reports its start
and its end here."""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from typing import Any

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from fastslim_tasks import BackgroundTask, TaskFinished


@dataclass(frozen=True)
class TaskEvent:
    """One start or end of a task. `duration` in seconds (ends only)."""

    id: int
    task: str
    event: str  # started, done, failed, cancelled
    duration: float | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class TaskFeed:
    """A fastslim-tasks observer that keeps the last `keep` events, counts the
    finished tasks by status and fans events out to subscribers (each with a
    bounded queue: a slow subscriber misses events rather than slow the tasks)."""

    def __init__(self, keep: int = 200) -> None:
        self.recent: deque[TaskEvent] = deque(maxlen=keep)
        self.counts: dict[str, int] = {"done": 0, "failed": 0, "cancelled": 0}
        self.cancelled: list[str] = []
        self._ids = itertools.count(1)
        self._started: dict[int, float] = {}
        self.durations: dict[int, float] = {}
        """Seconds each finished task took, by `id(task)`."""
        self._subscribers: set[MemoryObjectSendStream[TaskEvent]] = set()

    def task_started(self, task: BackgroundTask) -> None:
        self._started[id(task)] = time.monotonic()
        self._publish(TaskEvent(next(self._ids), task.name, "started"))

    def task_finished(self, event: TaskFinished) -> None:
        self._started.pop(id(event.task), None)
        self.durations[id(event.task)] = event.duration
        status = event.status.value
        self.counts[status] = self.counts.get(status, 0) + 1
        if status == "cancelled":
            self.cancelled.append(event.task.name)
        error = None if event.exception is None else f"{event.exception}"
        self._publish(
            TaskEvent(next(self._ids), event.task.name, status, round(event.duration, 4), error)
        )

    def running_for(self, task: BackgroundTask) -> float | None:
        """Seconds since `task` started, while it runs; else None."""
        started = self._started.get(id(task))
        return None if started is None else time.monotonic() - started

    def _publish(self, event: TaskEvent) -> None:
        self.recent.append(event)
        for stream in list(self._subscribers):
            try:
                stream.send_nowait(event)
            except anyio.WouldBlock:
                pass  # a slow subscriber misses this event
            except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                self._subscribers.discard(stream)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[MemoryObjectReceiveStream[TaskEvent]]:
        """The events published from now on, until the block ends."""
        send, receive = anyio.create_memory_object_stream[TaskEvent](100)
        self._subscribers.add(send)
        try:
            async with receive:
                yield receive
        finally:
            self._subscribers.discard(send)
            send.close()
