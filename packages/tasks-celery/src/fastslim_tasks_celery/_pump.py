"""The backend's worker thread: it publishes, revokes and polls, so that the
event loop never waits on the broker or the result backend.

Commands reach it through a thread-safe queue (from the loop, or from any thread
for a cancel); what it learns goes back to the loop in batches, through
`deliver`. Every `poll_interval` seconds it reads the records of the tasks it
watches in one round trip (Redis: MGET) and reports the changes; with a Redis
result backend, a `Notifier` hands it each record as it is stored, so changes
are seen at once and polling is only the safety net. A running task whose
fastslim worker has stopped beating for `lost_after` seconds is recorded as
failed (`WorkerLostError`), for every process that watches it.
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

from ._notify import Notifier, redis_client
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
POLL = 0.02
"""Seconds between two reads of the watched tasks' records, by default."""
FALLBACK_POLL = 0.5
"""The same when the result backend announces its changes (Redis)."""


class Pump:
    """Publishes, revokes and watches the tasks of one `CeleryBackend`."""

    def __init__(
        self, app: Celery, records: Records, poll_interval: float | None, lost_after: float | None
    ) -> None:
        self._app = app
        self._records = records
        self._lost_after = lost_after
        self._commands: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._watched: dict[str, _Watch] = {}
        backend: Any = app.backend
        client = redis_client(backend)
        self._notifier: Notifier | None = None
        if client is not None:
            self._notifier = Notifier(
                client,
                backend.get_key_for_task,
                lambda task_id, raw: self._commands.put(("seen", task_id, raw)),
                lambda task_ids: self._commands.put(("recheck", task_ids)),
            )
        default = FALLBACK_POLL if self._notifier is not None else POLL
        self.poll_interval = default if poll_interval is None else poll_interval

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
        if self._notifier is not None:
            self._notifier.start()
        try:
            self._loop(deliver, next_poll)
        finally:
            if self._notifier is not None:
                self._notifier.stop()

    def _loop(self, deliver: Callable[[list[Update]], None], next_poll: float) -> None:
        while True:
            wait = max(0.0, next_poll - time.monotonic()) if self._watched else None
            commands, stopping = self._take(wait)
            updates = self._serve(commands)
            if not stopping and self._watched and time.monotonic() >= next_poll:
                updates.extend(self._read(list(self._watched)))
                next_poll = time.monotonic() + self.poll_interval
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
        watched = []
        for cmd in commands:
            if isinstance(cmd, tuple) and cmd[0] == "watch" and cmd[1].id not in self._watched:
                self._watched[cmd[1].id] = _Watch(cmd[1])
                watched.append(cmd[1].id)
        self._notify(watched)
        for task_id in revoked:
            self._revoke(task_id)
        now = time.monotonic()
        for cmd in commands:
            if isinstance(cmd, tuple) and cmd[0] == "seen" and cmd[1] in self._watched:
                update = self._see(self._watched[cmd[1]], cmd[2], now)
                if update is not None:
                    updates.append(update)
            elif isinstance(cmd, tuple) and cmd[0] == "recheck":
                updates.extend(self._read([i for i in cmd[1] if i in self._watched]))
        return updates

    def _notify(self, task_ids: list[str]) -> None:
        if self._notifier is not None and task_ids:
            self._notifier.subscribe(task_ids)

    def _publish(self, messages: list[Message], updates: list[Update]) -> None:
        if not messages:
            return
        self._notify([message.handle.id for message in messages])
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

    def _read(self, ids: list[str]) -> list[Update]:
        if not ids:
            return []
        try:
            raws = self._records.raw(ids)
        except Exception as exc:
            logger.warning("Celery's result backend could not be read: %r", exc)
            return []
        now = time.monotonic()
        updates: list[Update] = []
        for task_id, raw in zip(ids, raws, strict=True):
            watch = self._watched.get(task_id)
            if watch is None:  # finished meanwhile (seen in a notice)
                continue
            update = self._see(watch, raw, now)
            if update is not None:
                updates.append(update)
        return updates

    def _see(self, watch: _Watch, raw: Any, now: float) -> Update | None:
        if raw == watch.raw and raw is not None:
            self._check_lease(watch, now)
            return None
        watch.raw = raw
        seen = read_record(self._records.decode(raw), watch.handle.id, watch.handle.name)
        return self._update(watch, seen, now)

    def _update(self, watch: _Watch, seen: Seen, now: float) -> Update | None:
        if seen.beat is not None and seen.beat[0] != watch.beat:
            watch.beat, watch.beat_every = seen.beat
            watch.beat_changed = now
        if seen.status is watch.status or (
            seen.status is TaskStatus.PENDING and watch.status is TaskStatus.RUNNING
        ):
            return None  # no change, or an older record (a notice after a poll)
        watch.status = seen.status
        if seen.status.finished:
            del self._watched[watch.handle.id]
            if self._notifier is not None:
                self._notifier.unsubscribe([watch.handle.id])
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
