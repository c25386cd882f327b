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

import contextlib
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


RETRY_FIRST = 0.1
"""Seconds before the first attempt to subscribe again after a connection error."""
RETRY_MAX = 5.0
"""The longest wait between two attempts (the wait doubles from `RETRY_FIRST`)."""


class Notifier:
    """Tells `seen(task_id, record)` of each record stored for a subscribed task,
    and `subscribed(task_ids)` once new subscriptions are in place.

    A connection error (a Redis restart, a record bigger than Redis's pub/sub
    output buffer limit, which makes Redis drop the subscriber) does not end
    the notices: the thread subscribes again on a new connection, waiting
    `RETRY_FIRST` seconds and doubling up to `RETRY_MAX`, while polling goes on;
    once back, every watched task is read once more (`subscribed`). It logs a
    warning when the notices stop and one when they resume.
    """

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
        self._stopping = threading.Event()
        self._pubsub: Any = None
        self._broken = False
        self._thread = threading.Thread(target=self._run, name="fastslim-notifier", daemon=True)

    def start(self) -> None:
        """Subscribe to the wake-up channel (and wait until Redis confirms it:
        a request made after this returns is never missed), then listen in a
        thread of its own. Without Redis, the thread keeps trying."""
        try:
            self._pubsub = self._connect()
        except Exception as exc:
            self._stopped(exc)
        self._thread.start()

    def subscribe(self, task_ids: list[str]) -> None:
        self._ask(True, task_ids)

    def unsubscribe(self, task_ids: list[str]) -> None:
        self._requests.put((False, task_ids))  # made when the thread next wakes

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._ask(False, [])
            self._thread.join(timeout=5)

    @property
    def listening(self) -> bool:
        """Whether the subscription is in place (False while it is being made again)."""
        return self._pubsub is not None and not self._broken

    def _ask(self, subscribe: bool, task_ids: list[str]) -> None:
        self._requests.put((subscribe, task_ids))
        if self._broken:
            return  # made once subscribed again
        try:
            self._client.publish(self._wake, b"")
        except Exception as exc:
            # The listening thread fails too, and subscribes again.
            logger.debug("The Celery backend's notifier could not be woken: %r", exc)

    def _connect(self) -> Any:
        """A pub/sub connection subscribed to the wake-up channel (confirmed) and
        to the channels of the tasks already watched."""
        pubsub = self._client.pubsub()
        try:
            pubsub.subscribe(self._wake)
            wake = self._wake.encode()
            deadline = time.monotonic() + 5
            while True:
                if time.monotonic() > deadline:
                    raise TimeoutError("Redis did not confirm the subscription within 5 s")
                confirmed = pubsub.get_message(timeout=0.5)
                if (
                    confirmed is not None
                    and confirmed["type"] == "subscribe"
                    and confirmed["channel"] == wake
                ):
                    break
            if self._ids:
                pubsub.subscribe(*self._ids)
        except BaseException:
            _close(pubsub)
            raise
        return pubsub

    def _stopped(self, exc: BaseException) -> None:
        if not self._broken:
            # Polling still sees every change, only later.
            logger.warning(
                "The Celery backend's change notices stopped: %r; polling meanwhile, "
                "and subscribing again",
                exc,
            )
        self._broken = True

    def _run(self) -> None:
        delay = RETRY_FIRST
        try:
            while not self._stopping.is_set():
                if self._pubsub is None:
                    if self._stopping.wait(delay):
                        return
                    try:
                        self._pubsub = self._connect()
                    except Exception as exc:
                        self._stopped(exc)
                        delay = min(delay * 2, RETRY_MAX)
                        continue
                    self._resumed()
                connected = time.monotonic()
                try:
                    self._listen(self._pubsub)
                except Exception as exc:
                    self._stopped(exc)
                    _close(self._pubsub)
                    self._pubsub = None
                    # A connection that fails again at once does not retry faster.
                    lasted = time.monotonic() - connected > RETRY_MAX
                    delay = RETRY_FIRST if lasted else min(delay * 2, RETRY_MAX)
        finally:
            if self._pubsub is not None:
                _close(self._pubsub)

    def _resumed(self) -> None:
        if self._broken:
            self._broken = False
            logger.warning("The Celery backend's change notices resumed")
        self._apply_requests(self._pubsub, recheck=list(self._ids.values()))

    def _listen(self, pubsub: Any) -> None:
        wake = self._wake.encode()
        while not self._stopping.is_set():
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

    def _apply_requests(self, pubsub: Any, recheck: list[str] | None = None) -> None:
        added: list[str] = list(recheck or ())
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


def _close(pubsub: Any) -> None:
    with contextlib.suppress(Exception):  # a connection already gone
        pubsub.close()


def _bytes(key: Any) -> bytes:
    return key if isinstance(key, bytes) else str(key).encode()
