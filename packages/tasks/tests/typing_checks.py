"""Checked by mypy (`nox -s types`), not run: task arguments are typed against the function.

Each `type: ignore[...]` below must be needed (mypy --strict warns about unused
ignores), so a regression in the ParamSpec typing fails the types session.
"""

from fastslim_tasks import BackgroundTask, BackgroundTasks, TaskOptions, TaskRunner


def send_email(to: str, *, subject: str) -> None: ...


async def count(limit: int) -> int:
    return limit


def well_typed(tasks: BackgroundTasks, runner: TaskRunner) -> None:
    tasks.add_task(send_email, "ada@example.com", subject="hi")
    tasks.add_task_with(TaskOptions(name="n"), send_email, "ada@example.com", subject="hi")
    BackgroundTask(count, 3)
    handle = runner.submit(count, 3)
    number: int = handle.result()
    del number


def badly_typed(tasks: BackgroundTasks, runner: TaskRunner) -> None:
    tasks.add_task(send_email, 42, subject="hi")  # type: ignore[arg-type]
    tasks.add_task(send_email, "ada@example.com")  # type: ignore[call-arg]
    tasks.add_task_with(TaskOptions(), send_email, "a", subjct="x")  # type: ignore[call-arg]
    BackgroundTask(count, "three")  # type: ignore[arg-type]
    runner.submit(count, "three")  # type: ignore[call-overload]
    text: str = runner.submit(count, 3).result()  # type: ignore[assignment]
    del text
