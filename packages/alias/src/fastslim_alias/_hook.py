"""The import hook: `fastapi` and `fastapi.x` load fastslim's modules.

Standard library only, and nothing of fastslim is imported until `fastapi` is: the
hook is installed in every interpreter of the environment at start-up (the
distribution's `fastslim_alias.pth`), so it must cost nothing to a program that
never imports FastAPI.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

FASTAPI_VERSION = "0.165.0"
"""The FastAPI version fastslim is compatible with: `fastapi.__version__` under the
alias (extensions compare it)."""

ALIAS = "fastapi"
TARGET = "fastslim"
DISABLE_VARIABLE = "FASTSLIM_ALIAS"
"""`FASTSLIM_ALIAS=0` in the environment: the start-up hook does not install the alias."""

_TOP_LEVEL = Path(__file__).with_name("_fastapi.py")
# What the import system writes on a module it loads (`__spec__` always, the rest
# when unset); put back on fastslim's module so that it stays fastslim's.
_IMPORT_ATTRIBUTES = (
    "__name__",
    "__loader__",
    "__package__",
    "__spec__",
    "__path__",
    "__file__",
    "__cached__",
)


class _SameModuleLoader(importlib.abc.Loader):
    """Loads `fastapi.x` as the module object `fastslim.x` itself."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._saved: dict[str, object] = {}

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self._saved = {
            name: module.__dict__[name] for name in _IMPORT_ATTRIBUTES if name in module.__dict__
        }
        return module

    def exec_module(self, module: ModuleType) -> None:
        # Between create_module and here the import system set the alias's spec on
        # the module: fastslim's module keeps its own identity.
        for name in _IMPORT_ATTRIBUTES:
            if name in self._saved:
                module.__dict__[name] = self._saved[name]
            else:
                module.__dict__.pop(name, None)


class AliasFinder(importlib.abc.MetaPathFinder):
    """A `sys.meta_path` finder: `fastapi` is a module of fastslim-alias sharing
    fastslim's top-level names (with `__version__` = `FASTAPI_VERSION`), and
    `fastapi.x` is the module `fastslim.x` (the same object).

    A `fastapi.x` with no `fastslim.x` is not found (`ModuleNotFoundError`, naming
    `fastapi.x`): FastAPI's own files are never looked for.
    """

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == ALIAS:
            loader = importlib.machinery.SourceFileLoader(ALIAS, str(_TOP_LEVEL))
            return importlib.util.spec_from_file_location(
                ALIAS, str(_TOP_LEVEL), loader=loader, submodule_search_locations=[]
            )
        if not fullname.startswith(ALIAS + "."):
            return None
        name = TARGET + fullname[len(ALIAS) :]
        found = importlib.util.find_spec(name)
        if found is None:
            return None
        return importlib.machinery.ModuleSpec(
            fullname,
            _SameModuleLoader(name),
            origin=found.origin,
            is_package=found.submodule_search_locations is not None,
        )


def installed() -> bool:
    """Whether the alias is in `sys.meta_path`."""
    return any(isinstance(finder, AliasFinder) for finder in sys.meta_path)


def install() -> None:
    """Put the alias first in `sys.meta_path` (once).

    Raises `RuntimeError` naming the module when `fastapi` (or a `fastapi.x`) is
    already imported from somewhere else: the alias would then mix two frameworks.
    """
    loaded = sorted(
        name
        for name, module in sys.modules.items()
        if (name == ALIAS or name.startswith(ALIAS + ".")) and not _is_alias_module(name, module)
    )
    if loaded:
        origin = getattr(sys.modules[loaded[0]], "__file__", None)
        raise RuntimeError(
            f"{loaded[0]} is already imported (from {origin!r}); "
            "install the fastapi alias before anything imports FastAPI"
        )
    if not installed():
        sys.meta_path.insert(0, AliasFinder())


def uninstall() -> None:
    """Take the alias out of `sys.meta_path`; modules already imported stay."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, AliasFinder)]


def install_at_startup() -> None:
    """The `.pth` hook: `install()` unless `FASTSLIM_ALIAS=0`."""
    if os.environ.get(DISABLE_VARIABLE, "1").strip() != "0":
        install()


def _is_alias_module(name: str, module: ModuleType | None) -> bool:
    if module is None:
        return False
    if name == ALIAS:
        return getattr(module, "__file__", None) == str(_TOP_LEVEL)
    return getattr(module, "__name__", None) == TARGET + name[len(ALIAS) :]
