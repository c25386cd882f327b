"""fastslim-tasks: background tasks and a task runner, on anyio only.

FastAPI-compatible `BackgroundTasks` and `BackgroundTask`, plus opt-in error
policies, bounded concurrency, per-task options, observer hooks and a long-lived
`TaskRunner`. Works on asyncio and trio; imports nothing web.
"""

from .__about__ import __version__ as __version__
from ._backend import TaskBackend as TaskBackend
from ._background import BackgroundTasks as BackgroundTasks
from ._background import ErrorPolicy as ErrorPolicy
from ._errors import QueueFullError as QueueFullError
from ._errors import RunnerClosedError as RunnerClosedError
from ._errors import TaskCancelledError as TaskCancelledError
from ._errors import TaskNotFinishedError as TaskNotFinishedError
from ._errors import TaskNotFoundError as TaskNotFoundError
from ._errors import TaskRunnerError as TaskRunnerError
from ._execution import ErrorHook as ErrorHook
from ._handle import TaskHandle as TaskHandle
from ._observer import TaskFinished as TaskFinished
from ._observer import TaskObserver as TaskObserver
from ._options import TaskOptions as TaskOptions
from ._runner import TaskRunner as TaskRunner
from ._status import TaskStatus as TaskStatus
from ._task import BackgroundTask as BackgroundTask

__all__ = (
    "BackgroundTask",
    "BackgroundTasks",
    "ErrorHook",
    "ErrorPolicy",
    "QueueFullError",
    "RunnerClosedError",
    "TaskBackend",
    "TaskCancelledError",
    "TaskFinished",
    "TaskHandle",
    "TaskNotFinishedError",
    "TaskNotFoundError",
    "TaskObserver",
    "TaskOptions",
    "TaskRunner",
    "TaskRunnerError",
    "TaskStatus",
    "__version__",
)
