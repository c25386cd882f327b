"""fastslim-alias: `import fastapi` loads fastslim.

Installed, the distribution's start-up hook (`fastslim_alias.pth`) puts `AliasFinder`
first in `sys.meta_path` of every interpreter of the environment, so that
`fastapi.x` is the module `fastslim.x` (the same object) whether or not FastAPI's
distribution is installed too; FastAPI's files are never loaded. `fastapi` itself
shares fastslim's names, with `__version__` = `FASTAPI_VERSION`. `FASTSLIM_ALIAS=0`
in the environment turns the start-up hook off; `install()`/`uninstall()` do it by
hand.
"""

from .__about__ import __version__ as __version__
from ._hook import DISABLE_VARIABLE as DISABLE_VARIABLE
from ._hook import FASTAPI_VERSION as FASTAPI_VERSION
from ._hook import AliasFinder as AliasFinder
from ._hook import install as install
from ._hook import installed as installed
from ._hook import uninstall as uninstall

__all__ = (
    "DISABLE_VARIABLE",
    "FASTAPI_VERSION",
    "AliasFinder",
    "__version__",
    "install",
    "installed",
    "uninstall",
)
