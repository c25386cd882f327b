"""`fastslim.security.*` and `fastslim.openapi.*` re-export fastslim-routing's objects."""

import importlib

import pytest

import fastslim_di
import fastslim_routing.openapi.models
import fastslim_routing.security

SECURITY_MODULES = ["api_key", "base", "http", "oauth2", "open_id_connect_url", "utils"]


@pytest.mark.parametrize("module_name", [f"fastslim.security.{m}" for m in SECURITY_MODULES])
def test_security_modules_reexport_routing(module_name: str) -> None:
    module = importlib.import_module(module_name)
    source = importlib.import_module(module_name.replace("fastslim.", "fastslim_routing."))
    assert module.__all__ == source.__all__
    assert all(getattr(module, name) is getattr(source, name) for name in module.__all__)


def test_security_package_names() -> None:
    import fastslim.security as security

    assert security.SecurityScopes is fastslim_di.SecurityScopes
    assert security.HTTPBearer is fastslim_routing.security.HTTPBearer
    assert set(security.__all__) == set(fastslim_routing.security.__all__)


def test_openapi_models() -> None:
    from fastslim.openapi import models

    assert models.OpenAPI is fastslim_routing.openapi.models.OpenAPI
    assert set(models.__all__) == set(fastslim_routing.openapi.models.__all__)


@pytest.mark.parametrize("name", ["utils", "docs", "constants"])
def test_openapi_modules_reexport_routing(name: str) -> None:
    module = importlib.import_module(f"fastslim.openapi.{name}")
    source = importlib.import_module(f"fastslim_routing.openapi.{name}")
    assert module.__all__ == source.__all__
    assert all(getattr(module, item) is getattr(source, item) for item in module.__all__)


def test_import_fastslim_loads_no_openapi_models_docs_or_security() -> None:
    import subprocess
    import sys

    code = (
        "import sys, fastslim;"
        "print(sorted(m for m in sys.modules if m.startswith(("
        "'fastslim_routing.openapi.', 'fastslim_routing.security', 'fastslim.openapi', "
        "'fastslim.security'))))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "['fastslim_routing.openapi._setup']"
