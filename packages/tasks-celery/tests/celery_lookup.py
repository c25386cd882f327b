"""A second process: finds tasks by id (argv[2:]) on the Redis at argv[1] and prints
each one's status as a JSON line; the first one is cancelled from here, and printed
again once it has finished."""

from __future__ import annotations

import json
import sys
from typing import Any

import anyio

from fastslim_tasks import TaskHandle, TaskRunner, TaskStatus
from fastslim_tasks_celery import CeleryBackend, celery_app


def seen(handle: TaskHandle[Any]) -> dict[str, Any]:
    line: dict[str, Any] = {"id": handle.id, "name": handle.name, "status": handle.status.value}
    if handle.status is TaskStatus.DONE:
        line["result"] = handle.result()
    if handle.status is TaskStatus.FAILED:
        line["error"] = str(handle.exception())
    return line


async def main(url: str, first: str, *others: str) -> None:
    async with TaskRunner(backend=CeleryBackend(celery_app(url))) as runner:
        handle = await runner.handle(first)
        print(json.dumps(seen(handle)))
        assert handle.cancel()
        with anyio.fail_after(20):
            await handle.wait()
        print(json.dumps(seen(handle)))
        for task_id in others:
            print(json.dumps(seen(await runner.handle(task_id))))


if __name__ == "__main__":
    url, first, *others = sys.argv[1:]
    anyio.run(lambda: main(url, first, *others), backend="trio")
