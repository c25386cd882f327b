"""`fastapi` under the alias: fastslim's top-level names, the same objects.

The import hook (`_hook.AliasFinder`) loads this file as the module `fastapi`. It is
a module of its own, not `fastslim`, only so that `__version__` can be the FastAPI
version fastslim is compatible with while `fastslim.__version__` stays fastslim's;
every other name is fastslim's object (`fastapi.FastAPI is fastslim.FastAPI`), and
every submodule is fastslim's module (`fastapi.routing is fastslim.routing`).
"""

import importlib

from fastslim import *  # noqa: F403
from fastslim import __all__ as __all__
from fastslim_alias._hook import FASTAPI_VERSION

__version__ = FASTAPI_VERSION


def __getattr__(name: str) -> object:
    # A name fastslim gains later (a submodule imported by then, `fastslim.status`).
    try:
        return getattr(importlib.import_module("fastslim"), name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
