import logging

import anyio
import pytest

from fastslim_tasks import (
    BackgroundTask,
    BackgroundTasks,
    TaskFinished,
    TaskOptions,
    TaskStatus,
)

pytestmark = pytest.mark.anyio


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, TaskStatus | None]] = []
        self.finished: list[TaskFinished] = []

    def task_started(self, task: BackgroundTask) -> None:
        self.events.append(("start", task.name, None))

    def task_finished(self, event: TaskFinished) -> None:
        self.events.append(("end", event.task.name, event.status))
        self.finished.append(event)


async def test_observer_sees_start_and_outcome_of_every_task() -> None:
    recorder = Recorder()

    async def ok() -> None:
        await anyio.sleep(0.01)

    def fail() -> None:
        raise ValueError("bad order")

    tasks = BackgroundTasks(on_error="continue", observer=recorder)
    tasks.add_task_with(TaskOptions(name="ok"), ok)
    tasks.add_task_with(TaskOptions(name="fail"), fail)
    await tasks()
    assert recorder.events == [
        ("start", "ok", None),
        ("end", "ok", TaskStatus.DONE),
        ("start", "fail", None),
        ("end", "fail", TaskStatus.FAILED),
    ]
    ok_event, fail_event = recorder.finished
    assert ok_event.exception is None
    assert ok_event.duration >= 0.005
    assert isinstance(fail_event.exception, ValueError)
    assert fail_event.duration >= 0


async def test_observer_sees_cancellation() -> None:
    recorder = Recorder()
    tasks = BackgroundTasks(observer=recorder)
    tasks.add_task_with(TaskOptions(name="forever"), anyio.sleep_forever)
    with anyio.move_on_after(0.02):
        await tasks()
    assert recorder.events[-1] == ("end", "forever", TaskStatus.CANCELLED)


async def test_a_failing_observer_is_logged_and_never_breaks_a_task(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Broken:
        def task_started(self, task: BackgroundTask) -> None:
            raise RuntimeError("observer start bug")

        def task_finished(self, event: TaskFinished) -> None:
            raise RuntimeError("observer end bug")

    ran: list[int] = []
    tasks = BackgroundTasks(observer=Broken())
    tasks.add_task(ran.append, 1)
    with caplog.at_level(logging.ERROR, logger="fastslim.tasks"):
        await tasks()
    assert ran == [1]
    assert "observer start bug" in caplog.text
    assert "observer end bug" in caplog.text
