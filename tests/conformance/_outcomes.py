"""A pytest plugin: every test's outcome, as JSON, for the conformance comparison.

Loaded with `-p _outcomes` (this folder on PYTHONPATH); writes
`{nodeid: {"outcome": ..., "error": first line, "seconds": duration}}` to the file named by the
`CONFORMANCE_OUTCOMES` environment variable when the run ends. Outcomes are
`passed`, `failed` (the test body), `error` (setup or teardown), `skipped`,
`xfailed`, `xpassed`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

_RESULTS: dict[str, dict[str, str]] = {}
_DURATIONS: dict[str, float] = {}


def _first_line(report: pytest.TestReport | pytest.CollectReport) -> str:
    """The error's own line: the crash message, or for a file that does not import,
    the last `E   ` line of the traceback (the ImportError itself)."""
    crash: Any = getattr(report.longrepr, "reprcrash", None)
    text = str(crash.message) if crash is not None else str(report.longrepr)
    if crash is None:
        raised = [line[4:] for line in text.splitlines() if line.startswith("E   ")]
        if raised:
            return raised[-1].strip()[:300]
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _DURATIONS[report.nodeid] = _DURATIONS.get(report.nodeid, 0.0) + report.duration
    current = _RESULTS.get(report.nodeid)
    if report.when == "call":
        if hasattr(report, "wasxfail"):
            outcome = "xfailed" if report.skipped else "xpassed"
        else:
            outcome = report.outcome
        if current is None or current["outcome"] == "passed":
            _RESULTS[report.nodeid] = {
                "outcome": outcome,
                "error": _first_line(report) if report.failed else "",
            }
    elif report.failed:  # setup or teardown
        if current is None or current["outcome"] in {"passed", "skipped"}:
            _RESULTS[report.nodeid] = {"outcome": "error", "error": _first_line(report)}
    elif report.skipped and current is None:  # skipped in setup
        _RESULTS[report.nodeid] = {"outcome": "skipped", "error": ""}


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:  # a file that does not import: recorded under its own id
        _RESULTS[report.nodeid] = {"outcome": "error", "error": _first_line(report)}


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = os.environ.get("CONFORMANCE_OUTCOMES")
    if target:
        for nodeid, result in _RESULTS.items():
            result["seconds"] = f"{_DURATIONS.get(nodeid, 0.0):.3f}"
        Path(target).write_text(json.dumps(_RESULTS, indent=0, sort_keys=True))
