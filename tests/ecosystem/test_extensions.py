"""Real FastAPI extensions on FastAPI 0.165.0 and, through the import alias
(packages/alias) with FastAPI's distribution installed beside it, on fastslim.

Each script in apps/ builds an app with one or more extensions as their documentation
shows, drives it with the test client and prints what it observed (`_report.py`). It
runs once in each environment of `nox -s ecosystem` (given by ECOSYSTEM_FASTAPI_PYTHON
and ECOSYSTEM_FASTSLIM_PYTHON); every observation must be equal, OpenAPI documents as
text, and the fastslim run must have loaded no module of FastAPI's distribution.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

APPS_DIR = Path(__file__).parent / "apps"
APPS = sorted(path for path in APPS_DIR.glob("*.py") if not path.name.startswith("_"))


def _python(framework: str) -> str:
    variable = f"ECOSYSTEM_{framework.upper()}_PYTHON"
    python = os.environ.get(variable)
    if not python:
        pytest.fail(f"{variable} is not set: run these tests with `nox -s ecosystem`.")
    return python


def _run(framework: str, app: Path) -> dict[str, Any]:
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "HOME": str(APPS_DIR)}
    done = subprocess.run(
        [_python(framework), "-W", "ignore", str(app)],
        cwd=APPS_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"{app.name} failed on {framework}:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("app", APPS, ids=[path.stem for path in APPS])
def test_the_extension_serves_alike(app: Path) -> None:
    expected, actual = _run("fastapi", app), _run("fastslim", app)
    assert expected["served_by"] == "fastapi"
    assert actual["served_by"] == "fastslim"
    differences = []
    for name, want in expected["observations"].items():
        got = actual["observations"].get(name)
        if want == got:
            continue
        if isinstance(want, str) and isinstance(got, str):
            lines = difflib.unified_diff(
                want.replace(",", ",\n").splitlines(),
                got.replace(",", ",\n").splitlines(),
                "FastAPI",
                "fastslim",
                lineterm="",
                n=2,
            )
            differences.append(f"{name}:\n" + "\n".join(lines)[:3000])
        else:
            differences.append(f"{name}:\n  FastAPI:  {want!r}\n  fastslim: {got!r}")
    assert not differences, "\n".join(differences)
