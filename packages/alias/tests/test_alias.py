"""The alias in the package's own environment (fastslim installed, FastAPI not)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
import textwrap
import warnings
from types import ModuleType

import pytest

import fastslim
import fastslim.__about__
import fastslim_alias
from fastslim_alias import FASTAPI_VERSION


def fastslim_modules() -> dict[str, str | None]:
    """Every module of the meta-package, with the `ImportError` message of those that
    need an extra not installed (as FastAPI's do)."""
    modules: dict[str, str | None] = {}
    for info in pkgutil.walk_packages(fastslim.__path__, "fastslim."):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette.middleware.wsgi's deprecation
            try:
                importlib.import_module(info.name)
            except ImportError as error:
                modules[info.name] = str(error)
            else:
                modules[info.name] = None
    return modules


def run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


def test_every_submodule_is_fastslims_module() -> None:
    modules = fastslim_modules()
    assert len(modules) > 30
    for name, error in modules.items():
        alias = "fastapi" + name.removeprefix("fastslim")
        if error is not None:  # an extra missing: the same error
            with pytest.raises(ImportError) as caught:
                importlib.import_module(alias)
            assert str(caught.value) == error
            continue
        module = importlib.import_module(alias)
        assert module is sys.modules[name], alias
        assert sys.modules[alias] is sys.modules[name], alias
        # fastslim's module keeps its own identity.
        assert module.__name__ == name
        assert module.__spec__ is not None
        assert module.__spec__.name == name
        assert module.__spec__.loader is module.__loader__
        assert "fastslim_alias" not in type(module.__loader__).__module__


def test_a_module_fastslim_lacks_is_not_found() -> None:
    with pytest.raises(ModuleNotFoundError) as caught:
        importlib.import_module("fastapi._no_such_module")
    assert caught.value.name == "fastapi._no_such_module"
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("fastapi.dependencies._no_such_module")


def alias(name: str = "fastapi") -> ModuleType:
    """A module through the alias, typed as a module (not as FastAPI's, which the type
    checker may see installed)."""
    return importlib.import_module(name)


def test_top_level_shares_every_public_name() -> None:
    fastapi = alias()

    assert fastapi is not fastslim
    assert fastapi.__all__ == fastslim.__all__
    for name in fastslim.__all__:
        if name != "__version__":
            assert getattr(fastapi, name) is getattr(fastslim, name), name
    assert fastapi.FastAPI is fastslim.FastAPI


def test_versions() -> None:
    fastapi = alias()

    assert fastapi.__version__ == FASTAPI_VERSION == "0.165.0"
    assert fastslim.__version__ == fastslim.__about__.__version__
    assert fastslim.__version__ != FASTAPI_VERSION


def test_top_level_attribute_of_a_submodule() -> None:
    fastapi = alias()
    alias("fastapi.encoders")

    assert fastapi.encoders is sys.modules["fastslim.encoders"]
    with pytest.raises(AttributeError, match="module 'fastapi' has no attribute 'nope'"):
        _ = fastapi.nope


def test_from_imports() -> None:
    namespace: dict[str, object] = {}
    statements = """
from fastapi import APIRouter
from fastapi.routing import APIRoute
from fastapi.security import OAuth2PasswordBearer
"""
    exec(statements, namespace)

    from fastslim.routing import APIRoute
    from fastslim.security import OAuth2PasswordBearer

    assert namespace["APIRouter"] is fastslim.APIRouter
    assert namespace["APIRoute"] is APIRoute
    assert namespace["OAuth2PasswordBearer"] is OAuth2PasswordBearer


def test_first_finder_at_startup_and_fastslim_imported_lazily() -> None:
    result = run(
        """
        import sys
        from fastslim_alias import AliasFinder
        assert isinstance(sys.meta_path[0], AliasFinder), sys.meta_path
        assert "fastslim" not in sys.modules and "fastslim_routing" not in sys.modules
        import fastapi
        print(fastapi.__version__, fastapi.FastAPI.__module__)
        """
    )
    assert result.returncode == 0, result.stderr
    version, module = result.stdout.split()
    assert version == "0.165.0"
    assert module.startswith("fastslim")


def test_turned_off_by_environment() -> None:
    result = run(
        """
        import sys
        from fastslim_alias import installed
        assert not installed()
        try:
            import fastapi
        except ModuleNotFoundError as error:
            print(error.name)
        """,
        FASTSLIM_ALIAS="0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "fastapi"


def test_install_refuses_a_fastapi_imported_from_elsewhere() -> None:
    result = run(
        """
        import sys, types
        import fastslim_alias
        fastslim_alias.uninstall()
        assert not fastslim_alias.installed()
        foreign = types.ModuleType("fastapi")
        foreign.__file__ = "/elsewhere/fastapi/__init__.py"
        sys.modules["fastapi"] = foreign
        try:
            fastslim_alias.install()
        except RuntimeError as error:
            print(error)
        """
    )
    assert result.returncode == 0, result.stderr
    assert "fastapi is already imported (from '/elsewhere/fastapi/__init__.py')" in result.stdout


def test_install_and_uninstall() -> None:
    result = run(
        """
        import sys
        import fastslim_alias
        fastslim_alias.install()  # again: still one finder
        assert sum(isinstance(f, fastslim_alias.AliasFinder) for f in sys.meta_path) == 1
        fastslim_alias.uninstall()
        try:
            import fastapi.routing
        except ModuleNotFoundError:
            print("gone")
        fastslim_alias.install()
        import fastapi.routing, fastslim.routing
        assert fastapi.routing is fastslim.routing
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "gone"


def test_public_names() -> None:
    assert fastslim_alias.__all__ == (
        "DISABLE_VARIABLE",
        "FASTAPI_VERSION",
        "AliasFinder",
        "__version__",
        "install",
        "installed",
        "uninstall",
    )
    assert fastslim_alias.installed()
