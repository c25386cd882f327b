"""The runnable example of the repository (examples/di_cli.py) works as documented."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "di_cli.py"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("di_cli_example", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cli_app_scope_request_scopes_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    example = load_example()
    code = example.main(["add", "apples", "3", "remove", "apples", "5", "report"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1  # one command failed
    assert lines == [
        "> add apples 3",
        "[app] open database :memory:",
        "  added 3 apples",
        "  [request] committed",
        "> remove apples 5",
        "  [request] rolled back (not enough apples in stock)",
        "  error: not enough apples in stock",
        "> report",
        "  stock: apples=3",
        "[app] shutting down",
        "[app] database closed",
    ]


def test_cli_dry_run_override(capsys: pytest.CaptureFixture[str]) -> None:
    example = load_example()
    assert example.main(["--dry-run", "add", "plums", "2", "report"]) == 0
    out = capsys.readouterr().out
    assert "  [request] dry run: rolled back" in out
    assert "  stock: empty" in out
    assert "committed" not in out
