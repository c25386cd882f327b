"""What the task runner and the background tasks are doing: handles and a live feed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

import anyio.from_thread

from fastslim import APIRouter, Query
from fastslim.sse import EventSourceResponse, ServerSentEvent
from fastslim_tasks import TaskRunner

from ..deps import ShopDep, UserDep
from ..schemas import UNAUTHORIZED, TaskInfo

router = APIRouter(tags=["tasks"])


@router.get("/admin/tasks", responses=UNAUTHORIZED)
def list_tasks(shop: ShopDep, user: UserDep, runner: TaskRunner) -> list[TaskInfo]:
    """The reports submitted to the app's TaskRunner, with status and duration."""
    if shop.settings.tasks_broker:  # every server process's reports, as the broker sees them
        from .. import remote

        return anyio.from_thread.run(remote.list_reports, shop, runner)
    tasks = []
    for handle in shop.reports.values():
        task = handle.task
        duration = shop.feed.durations.get(id(task), shop.feed.running_for(task))
        tasks.append(TaskInfo(name=handle.name, status=handle.status.value, duration=duration))
    return tasks


@router.get("/events/recent")
def recent_events(shop: ShopDep) -> list[dict[str, Any]]:
    """The last task events (starts and ends of background and runner tasks)."""
    return [event.as_dict() for event in shop.feed.recent]


@router.get("/events", response_class=EventSourceResponse)
async def task_events(
    shop: ShopDep, limit: Annotated[int | None, Query(ge=1)] = None
) -> AsyncIterator[ServerSentEvent]:
    """Task events as they happen (Server-Sent Events); ends after `limit` events."""
    sent = 0
    async with shop.feed.subscribe() as events:
        yield ServerSentEvent(comment="subscribed")  # the client knows it listens now
        async for event in events:
            yield ServerSentEvent(data=event.as_dict(), event=event.event, id=str(event.id))
            sent += 1
            if limit is not None and sent >= limit:
                return
