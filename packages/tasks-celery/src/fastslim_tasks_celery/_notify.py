"""Change notices from a Redis result backend, so a watched task's change is seen
at once rather than at the next poll.

Celery's Redis backend publishes every record it stores on a channel named by the
record's key. One thread owns a pub/sub connection: it subscribes to the keys of
the watched tasks and hands each record published there to the pump (`seen`).
Subscriptions are asked for from the pump thread: they wait in a queue, and a
message on a channel of this notifier's own wakes the thread to make them; once
subscribed, the pump reads those tasks' records once more, so that a change made
before the subscription is not missed. Polling goes on beside it, less often.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("fastslim.tasks")


def redis_client(backend: Any) -> Any | None:
    """The redis-py client of a Celery Redis result backend, else None."""
    try:
        from celery.backends.redis import RedisBackend
    except ImportError:  # pragma: no cover - Celery without redis-py
        return None
    return backend.client if isinstance(backend, RedisBackend) else None


class Notifier:
    """Tells `seen(task_id, record)` of each record stored for a subscribed task,
    and `subscribed(task_ids)` once new subscriptions are in place."""

    def __init__(
        self,
        client: Any,
        key_for: Callable[[str], Any],
        seen: Callable[[str, Any], None],
        subscribed: Callable[[list[str]], None],
    ) -> None:
        self._client = client
        self._key_for = key_for
        self._seen = seen
        self._subscribed = subscribed
        self._wake = f"fastslim-notifier-{uuid.uuid4().hex}"
        self._requests: queue.SimpleQueue[tuple[bool, list[str]]] = queue.SimpleQueue()
        self._ids: dict[bytes, str] = {}  # channel -> task id
        self._stopping = False
        self._pubsub: Any = None
        self._thread = threading.Thread(target=self._run, name="fastslim-notifier", daemon=True)

    def start(self) -> None:
        """Subscribe to the wake-up channel (and wait until Redis confirms it:
        a request made after this returns is never missed), then listen in a
        thread of its own."""
        try:
            self._pubsub = self._client.pubsub()
            self._pubsub.subscribe(self._wake)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                confirmed = self._pubsub.get_message(timeout=0.5)
                if confirmed is not None and confirmed["type"] == "subscribe":
                    break
        except Exception as exc:
            logger.warning("The Celery backend's change notices are off: %r", exc)
            self._pubsub.close()
            return
        self._thread.start()

    def subscribe(self, task_ids: list[str]) -> None:
        self._ask(True, task_ids)

    def unsubscribe(self, task_ids: list[str]) -> None:
        self._requests.put((False, task_ids))  # made when the thread next wakes

    def stop(self) -> None:
        self._stopping = True
        if self._thread.is_alive():
            self._ask(False, [])
            self._thread.join(timeout=5)

    def _ask(self, subscribe: bool, task_ids: list[str]) -> None:
        self._requests.put((subscribe, task_ids))
        try:
            self._client.publish(self._wake, b"")
        except Exception as exc:
            logger.warning("The Celery backend's change notices stopped: %r", exc)

    def _run(self) -> None:
        pubsub = self._pubsub
        wake = self._wake.encode()
        try:
            while not self._stopping:
                message = pubsub.get_message(timeout=1.0)
                if message is None:  # quiet: make what was asked for anyway
                    self._apply_requests(pubsub)
                    continue
                if message["type"] != "message":
                    continue
                channel = message["channel"]
                if channel == wake:
                    self._apply_requests(pubsub)
                elif channel in self._ids:
                    self._seen(self._ids[channel], message["data"])
        except Exception as exc:
            # Polling still sees every change, only later.
            logger.warning("The Celery backend's change notices stopped: %r", exc)
        finally:
            pubsub.close()

    def _apply_requests(self, pubsub: Any) -> None:
        added: list[str] = []
        while True:
            try:
                subscribe, task_ids = self._requests.get_nowait()
            except queue.Empty:
                break
            channels = [_bytes(self._key_for(task_id)) for task_id in task_ids]
            if subscribe:
                fresh = [c for c in channels if c not in self._ids]
                self._ids.update(zip(channels, task_ids, strict=True))
                if fresh:
                    pubsub.subscribe(*fresh)
                added.extend(task_ids)
            else:
                gone = [c for c in channels if self._ids.pop(c, None) is not None]
                if gone:
                    pubsub.unsubscribe(*gone)
        if added:
            self._subscribed(added)


def _bytes(key: Any) -> bytes:
    return key if isinstance(key, bytes) else str(key).encode()
