"""For writers of `TaskRunner` backends: the protocol, and the calls that drive a
`TaskHandle` from outside the in-process runner (see fastslim-tasks-celery)."""

from ._backend import TaskBackend as TaskBackend
from ._backend import abandon as abandon
from ._backend import new_handle as new_handle
from ._backend import set_finished as set_finished
from ._backend import set_running as set_running

__all__ = ("TaskBackend", "abandon", "new_handle", "set_finished", "set_running")
