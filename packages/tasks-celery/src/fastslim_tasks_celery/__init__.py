"""fastslim-tasks-celery: fastslim-tasks' `TaskRunner` on Celery workers.

`TaskRunner(backend=CeleryBackend(app))` keeps `submit`, `submit_with`,
`TaskHandle` and `runner.handle(task_id)` and runs the tasks on Celery workers
built with `celery_app(broker, modules=[...])`. Celery's states map to
fastslim's statuses:

| Celery state | `TaskStatus` |
|---|---|
| PENDING, RECEIVED, RETRY | pending |
| STARTED | running |
| SUCCESS | done |
| FAILURE, REJECTED (and a lost worker) | failed: `result()` raises `RemoteTaskError` |
| REVOKED | cancelled |
"""

from .__about__ import __version__ as __version__
from ._backend import CeleryBackend as CeleryBackend
from ._errors import RemoteTaskError as RemoteTaskError
from ._errors import RemoteTimeoutError as RemoteTimeoutError
from ._worker import celery_app as celery_app

__all__ = ("CeleryBackend", "RemoteTaskError", "RemoteTimeoutError", "__version__", "celery_app")
