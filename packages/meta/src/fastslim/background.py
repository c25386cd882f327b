"""`fastslim.background`, as `fastapi.background`: background tasks."""

from fastslim_tasks import BackgroundTasks as BackgroundTasks

__all__ = ("BackgroundTasks",)
