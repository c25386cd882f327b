"""Reports run on the app's TaskRunner (beyond FastAPI): they outlive the request,
are polled by id, and are drained (or cancelled, and named) at shutdown."""

from __future__ import annotations

from typing import Any

from fastslim import APIRouter, HTTPException, status
from fastslim_tasks import TaskOptions, TaskRunner, TaskStatus

from ..deps import ShopDep
from ..reports import build_report
from ..schemas import ReportId

router = APIRouter(prefix="/reports", tags=["reports"])


@router.post("", status_code=status.HTTP_202_ACCEPTED)
def request_report(shop: ShopDep, runner: TaskRunner) -> dict[str, Any]:
    report_id = next(shop.report_ids)
    shop.reports[report_id] = runner.submit_with(
        TaskOptions(name=f"report {report_id}"), build_report, shop, report_id
    )
    return {"id": report_id, "status": shop.reports[report_id].status.value}


@router.get("/{report_id}")
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
