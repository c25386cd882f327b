"""The meta-package re-exports, at FastAPI's module paths, the owning packages' objects."""

import importlib

import pytest

import fastslim
import fastslim_di
import fastslim_tasks

MODULES = [
    "fastslim",
    "fastslim.background",
    "fastslim.concurrency",
    "fastslim.datastructures",
    "fastslim.encoders",
    "fastslim.exception_handlers",
    "fastslim.exceptions",
    "fastslim.logger",
    "fastslim.middleware",
    "fastslim.middleware.cors",
    "fastslim.middleware.gzip",
    "fastslim.middleware.httpsredirect",
    "fastslim.middleware.trustedhost",
    "fastslim.params",
    "fastslim.requests",
    "fastslim.responses",
    "fastslim.security",
    "fastslim.status",
    "fastslim.testclient",
    "fastslim.utils",
]


@pytest.mark.parametrize("module_name", MODULES)
def test_every_name_in_all_exists(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert isinstance(module.__all__, tuple)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []


def test_background_tasks_is_the_tasks_package_class() -> None:
    from fastslim.background import BackgroundTasks

    assert BackgroundTasks is fastslim_tasks.BackgroundTasks
    assert fastslim.BackgroundTasks is fastslim_tasks.BackgroundTasks


def test_version_is_read_from_about() -> None:
    from fastslim.__about__ import __version__

    assert fastslim.__version__ == __version__
    assert __version__.count(".") == 2


def test_dependency_declarations_are_the_di_package_classes() -> None:
    from fastslim.params import Depends, Security
    from fastslim.security import SecurityScopes

    assert Depends is fastslim_di.Depends
    assert Security is fastslim_di.Security
    assert SecurityScopes is fastslim_di.SecurityScopes
    # The top-level names are functions, typed to return Any, as FastAPI's.
    assert isinstance(fastslim.Depends(print, use_cache=False), fastslim_di.Depends)
    assert isinstance(fastslim.Security(print, scopes=["a"]), fastslim_di.Security)


def test_each_distribution_reports_its_own_version() -> None:
    import importlib.metadata

    import fastslim_routing
    import fastslim_testclient

    for distribution, module in [
        ("fastslim", fastslim),
        ("fastslim-tasks", fastslim_tasks),
        ("fastslim-di", fastslim_di),
        ("fastslim-routing", fastslim_routing),
        ("fastslim-testclient", fastslim_testclient),
    ]:
        assert module.__version__ == importlib.metadata.version(distribution), distribution
