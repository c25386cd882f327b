"""Reports run on the app's TaskRunner (beyond FastAPI): they outlive the request,
are polled by id, and are drained (or cancelled, and named) at shutdown. With
`SHOP_TASKS_BROKER` they run on Celery workers, through `shop.remote`."""

from __future__ import annotations

from typing import Any

import anyio.from_thread

from fastslim import APIRouter, HTTPException, status
from fastslim_tasks import QueueFullError, TaskOptions, TaskRunner

from ..deps import ShopDep
from ..reports import build_report, report_body
from ..schemas import BUSY, NOT_FOUND, ReportId

router = APIRouter(prefix="/reports", tags=["reports"])


@router.post("", status_code=status.HTTP_202_ACCEPTED, responses=BUSY)
def request_report(shop: ShopDep, runner: TaskRunner) -> dict[str, Any]:
    if shop.settings.tasks_broker:
        from .. import remote  # Celery is needed only then

        return remote.submit_report(shop, runner)
    report_id = next(shop.report_ids)
    try:
        handle = runner.submit_with(
            TaskOptions(name=f"report {report_id}"), build_report, shop, report_id
        )
    except QueueFullError:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="Too many reports are waiting; retry later.",
            headers={"Retry-After": "5"},
        ) from None
    shop.reports[report_id] = handle
    return {"id": report_id, "status": shop.reports[report_id].status.value}


@router.get("/{report_id}", responses=NOT_FOUND)
def read_report(report_id: ReportId, shop: ShopDep, runner: TaskRunner) -> dict[str, Any]:
    if shop.settings.tasks_broker:
        from .. import remote

        body = anyio.from_thread.run(remote.read_report, shop, runner, report_id)
    else:
        handle = shop.reports.get(report_id)
        body = None if handle is None else report_body(report_id, handle)
    if body is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Report {report_id} not found")
    return body
