"""Every public module's `__all__` is a tuple of names that exist."""

import importlib
import pkgutil

import pytest

import fastslim_routing

PUBLIC_MODULES = sorted(
    ["fastslim_routing"]
    + [
        f"fastslim_routing.{info.name}"
        for info in pkgutil.iter_modules(fastslim_routing.__path__)
        if not info.name.startswith("_")
    ]
)


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_is_a_tuple_of_existing_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    names = module.__all__
    assert isinstance(names, tuple)
    assert [name for name in names if not hasattr(module, name)] == []
