"""Reports run on the app's TaskRunner (beyond FastAPI): they outlive the request,
are polled by id, and are drained (or cancelled, and named) at shutdown."""

from __future__ import annotations

from typing import Any

from fastslim import APIRouter, HTTPException, status
from fastslim_tasks import QueueFullError, TaskOptions, TaskRunner, TaskStatus

from ..deps import ShopDep
from ..reports import build_report
from ..schemas import BUSY, NOT_FOUND, ReportId

router = APIRouter(prefix="/reports", tags=["reports"])


@router.post("", status_code=status.HTTP_202_ACCEPTED, responses=BUSY)
def request_report(shop: ShopDep, runner: TaskRunner) -> dict[str, Any]:
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
def read_report(report_id: ReportId, shop: ShopDep) -> dict[str, Any]:
    handle = shop.reports.get(report_id)
    if handle is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"Report {report_id} not found")
    body: dict[str, Any] = {"id": report_id, "status": handle.status.value}
    if handle.status is TaskStatus.DONE:
        body["result"] = handle.result()
    elif handle.status is TaskStatus.FAILED:
        body["error"] = str(handle.exception())
    return body
