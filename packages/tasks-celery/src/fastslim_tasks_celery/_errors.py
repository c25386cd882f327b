"""How a task that failed on a Celery worker comes back to the submitter."""

from __future__ import annotations

# What a worker reports for a task that ran past its time: our own timeout of an
# async task (TimeoutError), or Celery's soft and hard time limits.
TIMEOUT_TYPES = frozenset({"TimeoutError", "SoftTimeLimitExceeded", "TimeLimitExceeded"})


class RemoteTaskError(Exception):
    """A task failed on a Celery worker: `handle.result()` raises it.

    Its message names the task, its id, and the remote exception's type and
    message: `Task "build_report" (id 5f0c...) failed on a Celery worker:
    ValueError: no such month`. The parts are attributes: `task_name`,
    `task_id`, `remote_type` (the exception class's name, for instance
    `ValueError`, `WorkerLostError`, `SoftTimeLimitExceeded`),
    `remote_module` (where that class lives, or None), `remote_message` and
    `remote_traceback` (the worker's formatted traceback, or None). The remote
    class is never imported on this side.
    """

    def __init__(
        self,
        task_name: str,
        task_id: str,
        remote_type: str,
        remote_message: str,
        *,
        remote_module: str | None = None,
        remote_traceback: str | None = None,
    ) -> None:
        self.task_name = task_name
        self.task_id = task_id
        self.remote_type = remote_type
        self.remote_message = remote_message
        self.remote_module = remote_module
        self.remote_traceback = remote_traceback
        detail = f"{remote_type}: {remote_message}" if remote_message else remote_type
        super().__init__(f'Task "{task_name}" (id {task_id}) failed on a Celery worker: {detail}')


class RemoteTimeoutError(RemoteTaskError, TimeoutError):
    """A task ran past its `TaskOptions(timeout=...)` on a Celery worker (its
    remote type is `TimeoutError`, `SoftTimeLimitExceeded` or
    `TimeLimitExceeded`); also a `TimeoutError`, as an in-process task's
    timeout is."""


def remote_error(
    task_name: str,
    task_id: str,
    remote_type: str,
    remote_message: str,
    *,
    remote_module: str | None = None,
    remote_traceback: str | None = None,
) -> RemoteTaskError:
    """The `RemoteTaskError` (or `RemoteTimeoutError`) for a remote failure."""
    cls = RemoteTimeoutError if remote_type in TIMEOUT_TYPES else RemoteTaskError
    return cls(
        task_name,
        task_id,
        remote_type,
        remote_message,
        remote_module=remote_module,
        remote_traceback=remote_traceback,
    )
