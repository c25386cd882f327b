"""The backend's one worker thread: it publishes, revokes and polls, so that the
event loop never waits on the broker or the result backend.

Commands reach it through a thread-safe queue (from the loop, or from any thread
for a cancel); what it learns goes back to the loop in batches, through
`deliver`. Every `poll_interval` seconds it reads the records of the tasks it
watches in one round trip (Redis: MGET) and reports the changes; a running task
whose fastslim worker has stopped beating for `lost_after` seconds is recorded
as failed (`WorkerLostError`), for every process that watches it.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from celery import Celery

from fastslim_tasks import TaskHandle, TaskStatus

from ._records import Records
from ._states import Seen, read_record

logger = logging.getLogger("fastslim.tasks")

Update = tuple[TaskHandle[Any], TaskStatus, Any, BaseException | None]
"""(handle, status, result, exception) to apply on the loop."""


@dataclass(slots=True)
class Message:
    """A task to publish: its handle, Celery task name and `send_task` options."""

    handle: TaskHandle[Any]
    celery_name: str
    options: dict[str, Any]


@dataclass(slots=True)
class _Watch:
    handle: TaskHandle[Any]
    raw: Any = None  # the record as last read: unchanged records are not decoded
    status: TaskStatus = TaskStatus.PENDING
    beat: int | None = None
    beat_every: float = 0.0
    beat_changed: float = field(default_factory=time.monotonic)


_STOP = object()


class Pump:
    """Publishes, revokes and watches the tasks of one `CeleryBackend`."""

    def __init__(
        self, app: Celery, records: Records, poll_interval: float, lost_after: float | None
    ) -> None:
        self._app = app
        self._records = records
        self._poll_interval = poll_interval
        self._lost_after = lost_after
        self._commands: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._watched: dict[str, _Watch] = {}

    # -- from any thread ---------------------------------------------------

    def send(self, message: Message) -> None:
        self._commands.put(message)

    def revoke(self, handle: TaskHandle[Any]) -> None:
        self._commands.put(("revoke", handle))

    def watch(self, handle: TaskHandle[Any]) -> None:
        self._commands.put(("watch", handle))

    def stop(self) -> None:
        """Publish what was sent before, then end `run`."""
        self._commands.put(_STOP)

    # -- the thread --------------------------------------------------------

    def run(self, deliver: Callable[[list[Update]], None]) -> None:
        """Serve commands and poll until `stop()`; `deliver` takes each batch of
        updates to the loop (and blocks until they are applied)."""
        next_poll = time.monotonic()
        while True:
            wait = max(0.0, next_poll - time.monotonic()) if self._watched else None
            commands, stopping = self._take(wait)
            updates = self._serve(commands)
            if not stopping and self._watched and time.monotonic() >= next_poll:
                updates.extend(self._poll())
                next_poll = time.monotonic() + self._poll_interval
            if updates:
                deliver(updates)
            if stopping:
                return

    def _take(self, wait: float | None) -> tuple[list[Any], bool]:
        try:
            first = self._commands.get(timeout=wait)
        except queue.Empty:
            return [], False
        commands = [first]
        while True:
            try:
                commands.append(self._commands.get_nowait())
            except queue.Empty:
                break
        if _STOP in commands:
            return commands[: commands.index(_STOP)], True
        return commands, False

    def _serve(self, commands: list[Any]) -> list[Update]:
        revoked = {cmd[1].id for cmd in commands if isinstance(cmd, tuple) and cmd[0] == "revoke"}
        updates: list[Update] = []
        messages = [cmd for cmd in commands if isinstance(cmd, Message)]
        # Cancelled before it was even published: it never reaches the broker.
        unsent = [m for m in messages if m.handle.id in revoked]
        for message in unsent:
            revoked.discard(message.handle.id)
            updates.append((message.handle, TaskStatus.CANCELLED, None, None))
        self._publish([m for m in messages if m not in unsent], updates)
        for cmd in commands:
            if isinstance(cmd, tuple) and cmd[0] == "watch":
                self._watched.setdefault(cmd[1].id, _Watch(cmd[1]))
        for task_id in revoked:
            self._revoke(task_id)
        return updates

    def _publish(self, messages: list[Message], updates: list[Update]) -> None:
        if not messages:
            return
        try:
            with self._app.producer_or_acquire() as producer:
                for message in messages:
                    handle = message.handle
                    try:
                        self._records.queued(handle.id, handle.name)
                        self._app.send_task(
                            message.celery_name,
                            task_id=handle.id,
                            producer=producer,
                            add_to_parent=False,
                            **message.options,
                        )
                    except Exception as exc:
                        self._not_published(handle, exc, updates)
                    else:
                        self._watched[handle.id] = _Watch(handle)
        except Exception as exc:  # no connection to the broker at all
            for message in messages:
                if message.handle.id not in self._watched:
                    self._not_published(message.handle, exc, updates)

    def _not_published(
        self, handle: TaskHandle[Any], exc: Exception, updates: list[Update]
    ) -> None:
        logger.warning(
            'Task "%s" (id %s) could not be sent to Celery: %r', handle.name, handle.id, exc
        )
        updates.append((handle, TaskStatus.FAILED, None, exc))

    def _revoke(self, task_id: str) -> None:
        try:
            self._records.cancel(task_id)
            # Workers drop it when it comes, or end the process that runs it.
            self._app.control.revoke(task_id, terminate=True, signal="SIGTERM")
        except Exception as exc:
            logger.warning("Task %s could not be revoked on Celery: %r", task_id, exc)

    def _poll(self) -> list[Update]:
        ids = list(self._watched)
        try:
            raws = self._records.raw(ids)
        except Exception as exc:
            logger.warning("Celery's result backend could not be read: %r", exc)
            return []
        now = time.monotonic()
        updates: list[Update] = []
        for task_id, raw in zip(ids, raws, strict=True):
            watch = self._watched[task_id]
            if raw == watch.raw and raw is not None:
                self._check_lease(watch, now)
                continue
            watch.raw = raw
            seen = read_record(self._records.decode(raw), task_id, watch.handle.name)
            update = self._update(watch, seen, now)
            if update is not None:
                updates.append(update)
        return updates

    def _update(self, watch: _Watch, seen: Seen, now: float) -> Update | None:
        if seen.beat is not None and seen.beat[0] != watch.beat:
            watch.beat, watch.beat_every = seen.beat
            watch.beat_changed = now
        if seen.status is watch.status:
            return None
        watch.status = seen.status
        if seen.status.finished:
            del self._watched[watch.handle.id]
        return (watch.handle, seen.status, seen.result, seen.error)

    def _check_lease(self, watch: _Watch, now: float) -> None:
        if watch.beat is None or watch.status is not TaskStatus.RUNNING:
            return
        lost_after = self._lost_after or 3 * watch.beat_every
        silent = now - watch.beat_changed
        if silent <= lost_after:
            return
        message = (
            f"the worker running it stopped: no heartbeat for {silent:.1f} s "
            f"(it beats every {watch.beat_every:g} s)"
        )
        try:
            self._records.lost(watch.handle.id, watch.handle.name, message)
        except Exception as exc:
            logger.warning("Task %s could not be marked as lost: %r", watch.handle.id, exc)
        watch.beat_changed = now  # the next poll reads the failure
