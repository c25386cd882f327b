"""Shared pytest configuration: every async test runs on asyncio and on trio; the
framework-neutral helpers of tests/ (such as `_cancel_deps.py`) are importable by
the tests below it, tests/compat included (pytest runs with --import-mode=importlib,
which adds no test folder to `sys.path`)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "tests"))


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    backend: str = request.param
    return backend
