"""fastslim-tasks outside any web app: an order pipeline and a batch of reports.

Run with `nox -s demo` (or `python examples/tasks_demo.py` where fastslim-tasks
is installed). Part one processes three orders, each with the same four
sequential background tasks; the inventory of one order runs out, so under the
default policy (FastAPI's) its later steps are skipped, while under "continue"
every step runs and the error hook collects the failure. Part two submits a
batch of report jobs to a TaskRunner and prints a summary of their handles.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import anyio

from fastslim_tasks import (
    BackgroundTask,
    BackgroundTasks,
    TaskFinished,
    TaskHandle,
    TaskOptions,
    TaskRunner,
    TaskStatus,
)

INVENTORY = {"keyboard": 5, "mouse": 0, "monitor": 2}
ORDERS = [
    {"id": "A-100", "item": "keyboard", "quantity": 1, "email": "ada@example.com"},
    {"id": "A-101", "item": "mouse", "quantity": 1, "email": "bob@example.com"},
    {"id": "A-102", "item": "monitor", "quantity": 2, "email": "cy@example.com"},
]


class OutOfStock(Exception):
    pass


def validate(order: dict[str, object]) -> None:
    if order["item"] not in INVENTORY:
        raise ValueError(f"unknown item {order['item']!r}")
    print(f"  [{order['id']}] validated")


def update_inventory(order: dict[str, object]) -> None:
    item, quantity = str(order["item"]), int(str(order["quantity"]))
    if INVENTORY[item] < quantity:
        raise OutOfStock(f"{item}: {INVENTORY[item]} left, {quantity} ordered")
    INVENTORY[item] -= quantity  # a sync task: runs in a worker thread
    print(f"  [{order['id']}] inventory updated, {INVENTORY[item]} {item} left")


async def send_confirmation(order: dict[str, object], *, subject: str) -> None:
    await anyio.sleep(0.01)  # an async task: awaited on the event loop
    print(f"  [{order['id']}] email to {order['email']}: {subject}")


async def notify_fulfilment(order: dict[str, object]) -> None:
    await anyio.sleep(0.01)
    print(f"  [{order['id']}] fulfilment notified")


def order_pipeline(order: dict[str, object], tasks: BackgroundTasks) -> BackgroundTasks:
    tasks.add_task(validate, order)
    tasks.add_task_with(TaskOptions(name=f"inventory {order['id']}"), update_inventory, order)
    tasks.add_task(send_confirmation, order, subject="Your order is confirmed")
    tasks.add_task_with(TaskOptions(timeout=2), notify_fulfilment, order)
    return tasks


async def run_orders() -> None:
    print("Orders, default policy (stop at the first failure, as FastAPI):")
    for order in ORDERS:
        try:
            await order_pipeline(order, BackgroundTasks())()
        except OutOfStock as exc:
            print(f"  [{order['id']}] stopped: {exc}")

    print('\nOrders, policy "continue" (every step runs, failures go to a hook):')
    INVENTORY.update(keyboard=5, mouse=0, monitor=2)
    failures: list[str] = []

    def collect(task: BackgroundTask, exc: Exception) -> None:
        failures.append(f"{task.name}: {exc}")

    for order in ORDERS:
        await order_pipeline(order, BackgroundTasks(on_error="continue", error_hook=collect))()
    print(f"  failures collected by the hook: {failures}")


class Timings:
    """An observer: prints each report's outcome and duration."""

    def task_started(self, task: BackgroundTask) -> None:
        pass

    def task_finished(self, event: TaskFinished) -> None:
        print(f"  {event.task.name:<16} {event.status.value:<9} {event.duration * 1000:6.1f} ms")


async def build_report(month: int) -> str:
    await anyio.sleep(0.02 * (month % 4 + 1))
    if month == 7:
        raise RuntimeError("sales data for July is missing")
    return f"report-2026-{month:02d}.pdf"


def export_archive() -> str:
    time.sleep(0.05)  # blocking work stays off the event loop
    return "archive.zip"


async def run_reports() -> None:
    print("\nReport batch on a TaskRunner (3 at a time, 0.5 s to drain at exit):")
    runner = TaskRunner(max_concurrency=3, max_pending=20, drain_timeout=0.5, observer=Timings())
    async with runner:
        handles: list[TaskHandle[Any]] = [
            runner.submit_with(TaskOptions(name=f"report {month:02d}"), build_report, month)
            for month in range(1, 10)
        ]
        handles.append(runner.submit_with(TaskOptions(name="archive"), export_archive))
        handles.append(runner.submit_with(TaskOptions(name="stuck upload"), anyio.sleep, 60))
        duplicate = runner.submit_with(TaskOptions(name="duplicate 03"), build_report, 3)
        duplicate.cancel()  # still pending: it never starts
        handles.append(duplicate)
        await handles[0].wait()
    print("\nSummary of the handles:")
    for status in TaskStatus:
        names = [handle.name for handle in handles if handle.status is status]
        if names:
            print(f"  {status.value:<9} {len(names):2d}  {', '.join(names)}")
    done = [handle.result() for handle in handles if handle.status is TaskStatus.DONE]
    print(f"  files: {', '.join(done)}")


async def main() -> None:
    logging.basicConfig(level=logging.CRITICAL)  # failures are shown by the demo itself
    await run_orders()
    await run_reports()


if __name__ == "__main__":
    anyio.run(main)
