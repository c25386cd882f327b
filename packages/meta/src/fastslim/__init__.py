"""fastslim: a FastAPI-compatible framework in reusable parts.

Replace `fastapi` with `fastslim` in an app's imports; the names below are the
ones FastAPI exports at its top level, as far as fastslim provides them so far.
"""

from fastslim_di import Depends as Depends
from fastslim_di import Security as Security
from fastslim_tasks import BackgroundTasks as BackgroundTasks

from .__about__ import __version__ as __version__

__all__ = ("BackgroundTasks", "Depends", "Security", "__version__")
